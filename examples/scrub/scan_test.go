package main

import (
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/kavach-dev/kavach/detectors"
)

// chunkReader returns data in pieces whose sizes cycle through sizes.
type chunkReader struct {
	data  []byte
	sizes []byte
	i     int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := 1
	if len(r.sizes) > 0 {
		n = int(r.sizes[r.i%len(r.sizes)]) + 1
		r.i++
	}
	n = copy(p[:min(n, len(p))], r.data)
	r.data = r.data[n:]
	return n, nil
}

// FuzzScanStream checks that the bounded-buffer scan of -report and -check
// finds, whatever pieces the input arrives in, what the one-shot Find finds.
func FuzzScanStream(f *testing.F) {
	f.Add([]byte("aadhaar 2345 6789 0124\nmobile +91 98765 43210\n"), []byte{0})
	f.Add(bytes.Repeat([]byte("pan ABCPD1234Z, आधार २३४५ ६७८९ ०१२४ \xff\x00 "), 200), []byte{200, 3, 255, 17})
	f.Add(append(bytes.Repeat([]byte("x"), 2*detectors.MaxLookahead-7), "aadhaar 2345 6789 0124"...), []byte{255, 255, 255})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		// A small buffer, so that small inputs cross its boundaries.
		bufSize := 2 * detectors.MaxLookahead
		if len(sizes) > 0 {
			bufSize += int(sizes[0])
		}
		var want []finding
		for _, fd := range detectors.Default.Find(nil, data) {
			if fd.Err != nil || fd.Score >= detectors.DefaultThreshold {
				want = append(want, finding{fd.Kind, int64(fd.Start), int64(fd.End), fd.Score})
			}
		}
		var got []finding
		sc := detectors.Default.NewScanner()
		above := func(fd detectors.Finding, _ []byte) bool {
			return fd.Err != nil || fd.Score >= detectors.DefaultThreshold
		}
		err := scanStream(sc, &chunkReader{data: data, sizes: sizes}, bufSize, above, func(h finding) error {
			got = append(got, h)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("streaming found %v\nFind found %v", got, want)
		}
	})
}
