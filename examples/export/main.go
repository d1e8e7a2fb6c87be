// Command export redacts JSON and CSV exports, the files that leave a service
// for a spreadsheet, a partner or a support ticket, with kavach's structured
// redactors: redact.Redactor.JSON and redact.Redactor.CSV.
//
// Usage:
//
//	go run ./examples/export [-out DIR] [FILE ...]
//
// With no FILE it redacts the two exports it ships (testdata/customers.json
// and testdata/customers.csv, embedded in the program). Files ending in .json,
// .jsonl or .ndjson are read as JSON, .csv as CSV and .tsv as tab-separated.
// The redacted exports go to standard output, each after a "==> name <=="
// line, or with -out DIR to files of the same names in DIR. A summary of what
// was done goes to standard error.
//
// Both redactors stream, so exports of any size go through in constant
// memory. They keep the format: JSON stays valid JSON with its white space,
// and a number that is an identifier becomes a masked string; CSV keeps its
// quoting and line endings, and fields without identifiers stay as they were.
// Values under a key or column that says what they hold ("mobile",
// "aadhaar", "pan", "voter_id") are masked whatever their format.
package main

import (
	"embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/kavach-dev/kavach/redact"
)

//go:embed testdata/customers.json testdata/customers.csv
var shipped embed.FS

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// input is an export to redact.
type input struct {
	name string
	open func() (io.ReadCloser, error)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the redacted exports to `DIR` instead of standard output")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var inputs []input
	for _, name := range fs.Args() {
		inputs = append(inputs, input{filepath.Base(name), func() (io.ReadCloser, error) { return os.Open(name) }})
	}
	if len(inputs) == 0 {
		for _, name := range []string{"testdata/customers.json", "testdata/customers.csv"} {
			inputs = append(inputs, input{path.Base(name), func() (io.ReadCloser, error) { return shipped.Open(name) }})
		}
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintf(stderr, "export: %v\n", err)
			return 2
		}
	}
	for _, in := range inputs {
		if err := redactOne(in, *out, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "export: %s: %v\n", in.name, err)
			return 2
		}
	}
	return 0
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func redactOne(in input, outDir string, stdout, stderr io.Writer) error {
	rc, err := in.open()
	if err != nil {
		return err
	}
	defer rc.Close()
	src := &countingReader{r: rc}

	var dst io.Writer = stdout
	var file *os.File
	if outDir != "" {
		file, err = os.Create(filepath.Join(outDir, in.name))
		if err != nil {
			return err
		}
		defer file.Close()
		dst = file
	} else {
		fmt.Fprintf(stdout, "==> %s <==\n", in.name)
	}
	cw := &counter{w: dst}

	var format string
	switch ext := strings.ToLower(path.Ext(in.name)); ext {
	case ".json", ".jsonl", ".ndjson":
		format = "JSON"
		err = redact.Default.JSON(cw, src)
	case ".csv", ".tsv":
		format = "CSV"
		var opts redact.CSVOptions
		if ext == ".tsv" {
			opts.Comma = '\t'
		}
		err = redact.Default.CSV(cw, src, opts)
	default:
		return fmt.Errorf("not a .json, .jsonl, .ndjson, .csv or .tsv file")
	}
	if err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: %s, %d bytes read, %d bytes written to %s\n", in.name, format, src.n, cw.n, file.Name())
	} else {
		fmt.Fprintf(stderr, "%s: %s, %d bytes read, %d bytes written\n", in.name, format, src.n, cw.n)
	}
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
