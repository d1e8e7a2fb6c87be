package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/redact"
)

// An XML part of an office document (word/document.xml, xl/sharedStrings.xml,
// content.xml) is read token by token with encoding/xml, and written back byte
// for byte except for the character data that holds an identifier. Text is
// read a block at a time, a block being a paragraph (w:p, a:p, text:p,
// text:h), a shared string (si) or a spreadsheet cell (c): Word cuts the text
// of a paragraph into runs wherever the formatting or the editing history
// changes, so "2341 2341 2346" may be written as <w:t>2341 23</w:t> and
// <w:t>41 2346</w:t>, and only the paragraph's text shows the identifier.
//
// The replacement of an identifier split across runs goes into the first run
// it touches, and the rest of it is removed from the others, so the masked
// identifier takes the formatting of its first run. A number stored in a
// spreadsheet cell as a number (<c><v>9876543210</v></c>) becomes an inline
// string cell, since "XXXXXX3210" is not a number. The text of the blocks
// just before a block is read as its context, as the detectors read the words
// before an identifier; a table's column headings are not.

// blockElems are the local names of the elements whose text is read whole.
var blockElems = map[string]bool{"p": true, "h": true, "si": true, "c": true}

// breakElems are the local names of the elements that stand for white space
// inside a block: tabs, line breaks, spaces (text:s), a nested paragraph, and
// the formula and value of a cell.
var breakElems = map[string]bool{
	"tab": true, "br": true, "cr": true, "s": true, "line-break": true,
	"p": true, "h": true, "f": true, "v": true,
}

// xmlFinding is an identifier found in an XML part.
type xmlFinding struct {
	Offset int64 // byte offset in the part of the character data holding the identifier's start
	Kind   detectors.Kind
}

// token is one token of the part with the bytes it was read from.
type token struct {
	start, end int
	tok        xml.Token // a copy
}

// segment is the character data of one token of a block.
type segment struct {
	tok        int // index into the block's tokens
	start, end int // in the block's text
	inV        bool
}

// xmlRedactor redacts or scans one XML part.
type xmlRedactor struct {
	red   *redact.Redactor
	data  []byte
	out   *bytes.Buffer // nil when only scanning
	finds []xmlFinding
	ctx   []byte // the text of the blocks just before
	block []token
	segs  []segment
	text  []byte
}

// ctxLen is how much text before a block is read as its context.
const ctxLen = 96

// processXML finds the identifiers in the XML document data and, when out is
// not nil, writes the document to out with them redacted. It returns an error
// if data is not well-formed XML.
func processXML(red *redact.Redactor, data []byte, out *bytes.Buffer) ([]xmlFinding, error) {
	x := &xmlRedactor{red: red, data: data, out: out}
	d := xml.NewDecoder(bytes.NewReader(data))
	prev := 0
	depth := 0 // of the elements within the current block
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		end := int(d.InputOffset())
		tk := token{prev, end, xml.CopyToken(t)}
		prev = end
		switch t := t.(type) {
		case xml.StartElement:
			if depth > 0 || blockElems[t.Name.Local] {
				depth++
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
				x.block = append(x.block, tk)
				if depth == 0 {
					x.flush()
				}
				continue
			}
		}
		switch {
		case depth > 0:
			x.block = append(x.block, tk)
		case isCharData(tk.tok):
			// Text outside any block (a title in docProps/core.xml, a
			// spreadsheet header in <oddHeader>) is a block of its own.
			x.block = append(x.block, tk)
			x.flush()
		default:
			x.write(tk)
		}
	}
	if len(x.block) > 0 {
		x.flush()
	}
	if out != nil {
		out.Write(data[prev:])
	}
	return x.finds, nil
}

func isCharData(t xml.Token) bool {
	_, ok := t.(xml.CharData)
	return ok
}

func (x *xmlRedactor) write(tk token) {
	if x.out != nil {
		x.out.Write(x.data[tk.start:tk.end])
	}
}

// flush reads the text of the block, finds the identifiers in it and writes
// the block.
func (x *xmlRedactor) flush() {
	x.text, x.segs = x.text[:0], x.segs[:0]
	inV := false
	for i, tk := range x.block {
		switch t := tk.tok.(type) {
		case xml.StartElement:
			if i > 0 && breakElems[t.Name.Local] {
				x.text = append(x.text, ' ')
			}
			inV = t.Name.Local == "v"
		case xml.EndElement:
			inV = false
		case xml.CharData:
			start := len(x.text)
			x.text = append(x.text, t...)
			x.segs = append(x.segs, segment{tok: i, start: start, end: len(x.text), inV: inV})
		}
	}
	type edit struct {
		start, end int
		rep        string
		placed     bool
	}
	var edits []edit
	for _, f := range x.find() {
		x.finds = append(x.finds, xmlFinding{Offset: x.offset(f.Start), Kind: f.Kind})
		span := string(x.text[f.Start:f.End])
		if rep := x.red.Replacement(f.Kind, span); rep != span {
			edits = append(edits, edit{start: f.Start, end: f.End, rep: rep})
		}
	}
	x.note()
	if x.out == nil {
		x.block = x.block[:0]
		return
	}
	// The new text of each segment.
	newText := make(map[int]string)
	numeric := false
	for _, s := range x.segs {
		var b strings.Builder
		pos, changed := s.start, false
		for i := range edits {
			e := &edits[i]
			if e.end <= s.start || e.start >= s.end {
				continue
			}
			changed = true
			if e.start > pos {
				b.Write(x.text[pos:e.start])
			}
			if !e.placed {
				b.WriteString(e.rep)
				e.placed = true
			}
			pos = max(pos, min(e.end, s.end))
		}
		if !changed {
			continue
		}
		b.Write(x.text[pos:s.end])
		newText[s.tok] = b.String()
		if s.inV {
			numeric = true
		}
	}
	if numeric && x.rewriteCell(newText) {
		x.block = x.block[:0]
		return
	}
	for i, tk := range x.block {
		if s, ok := newText[i]; ok {
			xmlEscape(x.out, s)
			continue
		}
		x.write(tk)
	}
	x.block = x.block[:0]
}

// find returns the identifiers in the block's text, read after its context.
func (x *xmlRedactor) find() []detectors.Finding {
	ctx := x.ctx
	if len(ctx) > ctxLen {
		ctx = ctx[len(ctx)-ctxLen:]
		for len(ctx) > 0 && !utf8.RuneStart(ctx[0]) {
			ctx = ctx[1:]
		}
	}
	all := x.red.Scan(nil, append(append([]byte(nil), ctx...), x.text...))
	var fs []detectors.Finding
	for _, f := range all {
		if f.End <= len(ctx) {
			continue
		}
		if f.Start < len(ctx) {
			// The context and the text read as one identifier: read the
			// text alone.
			return x.red.Scan(nil, x.text)
		}
		f.Start -= len(ctx)
		f.End -= len(ctx)
		fs = append(fs, f)
	}
	return fs
}

// note adds the block's text to the context of the next.
func (x *xmlRedactor) note() {
	if len(x.text) == 0 {
		return
	}
	x.ctx = append(x.ctx, bytes.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, x.text)...)
	x.ctx = append(x.ctx, "  "...)
	if len(x.ctx) > 4*ctxLen {
		x.ctx = x.ctx[:copy(x.ctx, x.ctx[len(x.ctx)-ctxLen:])]
	}
}

// offset returns the byte offset in the part of the character at i in the
// block's text: exact when the character data holding it has no entity or
// character reference, else the offset of that character data.
func (x *xmlRedactor) offset(i int) int64 {
	for _, s := range x.segs {
		if i < s.end {
			tk := x.block[s.tok]
			if i < s.start {
				i = s.start // a break before the text
			}
			if tk.end-tk.start == s.end-s.start {
				return int64(tk.start + i - s.start)
			}
			return int64(tk.start)
		}
	}
	if len(x.block) > 0 {
		return int64(x.block[0].start)
	}
	return 0
}

// rewriteCell writes a spreadsheet cell whose numeric value holds an
// identifier as an inline string cell. It reports false if the block is not
// such a cell.
func (x *xmlRedactor) rewriteCell(newText map[int]string) bool {
	c, ok := x.block[0].tok.(xml.StartElement)
	if !ok || c.Name.Local != "c" {
		return false
	}
	var value string
	for _, s := range x.segs {
		if s.inV {
			if t, ok := newText[s.tok]; ok {
				value = t
			} else {
				value = string(x.text[s.start:s.end])
			}
		}
	}
	for _, a := range c.Attr {
		if a.Name.Space == "" && a.Name.Local == "t" && a.Value != "n" {
			return false // a shared string index, a boolean, an error
		}
	}
	name := rawName(c.Name)
	fmt.Fprintf(x.out, "<%s", name)
	for _, a := range c.Attr {
		if a.Name.Space == "" && a.Name.Local == "t" {
			continue
		}
		fmt.Fprintf(x.out, ` %s="`, rawName(a.Name))
		xmlEscape(x.out, a.Value)
		x.out.WriteByte('"')
	}
	fmt.Fprintf(x.out, ` t="inlineStr"><is><t xml:space="preserve">`)
	xmlEscape(x.out, value)
	fmt.Fprintf(x.out, "</t></is></%s>", name)
	return true
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// xmlEscape writes s as XML character data or an attribute value.
func xmlEscape(w *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			w.WriteString("&amp;")
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '"':
			w.WriteString("&quot;")
		case '\t', '\n', '\r':
			fmt.Fprintf(w, "&#x%X;", r)
		default:
			w.WriteRune(r)
		}
	}
}
