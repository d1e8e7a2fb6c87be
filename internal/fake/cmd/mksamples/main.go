// Command mksamples writes the sample inputs of kavach's testdata directory
// and their ground-truth files:
//
//	go run ./internal/fake/cmd/mksamples -seed 1 -out testdata
//
// Each sample X gets X.truth.jsonl, one {"type","start","end"} object per
// identifier, with byte offsets into X. The same seed always writes the same
// bytes; TestSamplesUpToDate in internal/fake checks the committed files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/kavach-dev/kavach/internal/fake"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed of the generator")
	out := flag.String("out", "testdata", "directory to write the samples into")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "mksamples: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "mksamples:", err)
		os.Exit(2)
	}
	if err := fake.WriteSamples(*out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "mksamples:", err)
		os.Exit(2)
	}
}
