package redact

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// fuzzSeeds are the seed inputs of the fuzz targets.
var fuzzSeeds = []string{
	mixed,
	"name,mobile,id_number,rrn\r\n\"Sharma, Ravi\",9876543210,234123412346,345678901234\r\n",
	"+91 98765 43210",
	"आधार: २३४१ २३४१ २३४६",
	"PAN: abcpd1234z",
	"passport no J6932157\nEPIC: WKH1186253",
	"2341\u200b2341\u200b2346 ９８７６５４３２１０",
	"\x00\xff 9876543210 \xe0\xa5",
	"XXXX XXXX 2346 [MOBILE] [PAN:0123456789abcdef]",
	"%91 7\x003210",
	"00000000000000 91 70000 00000 2341 2341 २३४६",
	"AAAA,mobAAA,AAAAAAAAA,rrn\r\n\"AAAAAA& Baaa\"%9876543210,234123412346,8901234\r",
	"7000000000.2341 2341 2346 id 2341 2341 2346-2024-2024",
}

// FuzzStreamEqualsOneShot checks that every stream gives the one-shot output
// for any input cut into any pieces, under each test policy.
func FuzzStreamEqualsOneShot(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add([]byte(s), uint64(i))
	}
	policies := testPolicies()
	f.Fuzz(func(t *testing.T, text []byte, seed uint64) {
		p := policies[seed%uint64(len(policies))]
		want := p.r.Bytes(text)
		if s := p.r.String(string(text)); s != string(want) {
			t.Fatalf("%s: String and Bytes differ", p.name)
		}
		rnd := rand.New(rand.NewPCG(seed, 1))
		next := func() int { return 1 + rnd.IntN(1+rnd.IntN(200)) }

		got, err := writeChunks(p.r, text, next)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: Writer: %q, %v\nwant %q", p.name, got, err, want)
		}
		got, err = readChunks(p.r, &chunkReader{text, next}, next)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: Reader: %q, %v\nwant %q", p.name, got, err, want)
		}
		got, err = io.ReadAll(transform.NewReader(iotest.HalfReader(bytes.NewReader(text)), p.r.Transformer()))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: transform.Reader: %q, %v\nwant %q", p.name, got, err, want)
		}
		got = driveTransform(t, p.r.Transformer(), text, next, func() int { return rnd.IntN(40) })
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: Transform with small buffers: %q\nwant %q", p.name, got, want)
		}
	})
}

// FuzzIdempotent checks that a second pass leaves the replacements of the
// first as they are and that no identifier the policy replaced is found in
// the output. That the second pass changes nothing at all does not hold for
// every input: readings that share groups one after the other, in a chain
// of more groups than one examination reads, are masked in pieces, and the
// last may be left ("2341 1234 5677-1234-5679 1234 5677-1234-5679 1234
// 5677-1234-5679"); a label longer or shorter than what it replaces moves
// words into or out of the bytes read around the next number; a number
// found inside a longer run of digits leaves its prefix as a group of its
// own ("0091[MOBILE]"); a replacement changes the context of a date and
// time written as one number, or whether the lines above it read as a CSV
// header, so that the second pass masks the time ("Created <mobile>\t
// 202602192348"): it fails closed. TestIdempotent, TestIdempotentNeighbours and
// TestIdempotentChains require it; FuzzJSON and FuzzCSV too, under the
// default policy.
func FuzzIdempotent(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add([]byte(s), uint8(i))
	}
	policies := testPolicies()
	f.Fuzz(func(t *testing.T, text []byte, which uint8) {
		p := policies[int(which)%len(policies)]
		checkIdempotent(t, p.name, p.r, text, false)
	})
}

// FuzzNoIdentifierUnchanged checks that input in which the detectors find
// nothing comes out byte for byte, from the one-shot and the stream forms.
func FuzzNoIdentifierUnchanged(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("ts=1700000000 \x00\x01 \xff\xfe order_id=9876543210"))
	f.Fuzz(func(t *testing.T, text []byte) {
		r := Default
		if len(r.Scan(nil, text)) > 0 {
			return
		}
		if got := r.Bytes(text); !bytes.Equal(got, text) {
			t.Fatalf("Bytes changed %q to %q", text, got)
		}
		got, err := writeChunks(r, text, func() int { return 7 })
		if err != nil || !bytes.Equal(got, text) {
			t.Fatalf("Writer changed %q to %q (%v)", text, got, err)
		}
	})
}
