package redact

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"unicode/utf8"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/internal/inplace"
)

// act is what happens to one finding.
type act uint8

const (
	actAllow act = iota // on the allow list: left as it is
	actKeep             // ActionKeep: left as it is
	actMask
	actLabel
	actToken
	actFail // a detector failed on the span: masked, every letter and digit
)

// hit is a finding that the policy acts on.
type hit struct {
	start, end int
	f          int // index into engine.fs
	act        act
	rule       *rule
	idx        int // counter index, -1 for a kind the policy does not know
}

// counts are the counters of one kind.
type counts struct{ found, redacted int64 }

// engine is the state that turns scanned input into output: the findings of
// the piece being worked on, a cursor into it, scratch space and counters.
// Every stream has one; the one-shot methods take one from a pool.
type engine struct {
	r    *Redactor
	fs   []detectors.Finding
	hits []hit
	// The cursor: output has been produced for src[:pos], and hits[hi:] are
	// still to be written. end is how far the current piece is settled.
	pos, hi, end int

	canon []byte
	mac   hash.Hash
	sum   []byte

	sc *detectors.Scanner // for the one-shot methods

	counts  []counts
	other   map[detectors.Kind]*counts
	allowed int64
	failed  int64
	err     error
}

// decide turns e.fs, the findings in src[:end], into e.hits and resets the
// cursor.
func (e *engine) decide(src []byte, end int) {
	r := e.r
	e.hits = e.hits[:0]
	e.pos, e.hi, e.end = 0, 0, end
	prev := 0
	for i := range e.fs {
		f := &e.fs[i]
		// Findings come sorted and apart; be safe with any that do not.
		start, stop := max(f.Start, prev), min(f.End, end)
		if start >= stop {
			continue
		}
		rl, idx := r.ruleFor(f.Kind)
		var a act
		switch {
		case f.Err != nil:
			a = actFail
		case f.Score < r.min:
			continue
		case r.allow != nil && e.allowed1(f.Kind, src[start:stop]):
			a = actAllow
		default:
			switch rl.action {
			case ActionKeep:
				a = actKeep
			case ActionLabel:
				a = actLabel
			case ActionToken:
				a = actToken
			default:
				a = actMask
			}
		}
		var h *hit
		e.hits, h = inplace.Append(e.hits) // field by field: see inplace.Append
		h.start, h.end, h.f, h.act, h.rule, h.idx = start, stop, i, a, rl, idx
		prev = stop
	}
}

func (e *engine) allowed1(k detectors.Kind, span []byte) bool {
	e.canon = canonical(e.canon[:0], k, span)
	_, ok := e.r.allow[string(e.canon)]
	return ok
}

// alnum is detectors.Alnum with a fast path for ASCII (but '%', which may
// begin a percent escape that stands for one character).
func alnum(b []byte) (c byte, size int) {
	if c := b[0]; c < utf8.RuneSelf && c != '%' {
		switch {
		case c >= '0' && c <= '9' || c >= 'A' && c <= 'Z':
			return c, 1
		case c >= 'a' && c <= 'z':
			return c - ('a' - 'A'), 1
		}
		return 0, 1
	}
	return detectors.Alnum(b)
}

// appendCanonical appends the letters and digits of b, folded to ASCII upper
// case letters and ASCII digits, to dst.
func appendCanonical(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c, size := alnum(b[i:])
		if c != 0 {
			dst = append(dst, c)
		}
		i += size
	}
	return dst
}

// canonical appends the canonical form of the identifier of kind k written
// as span: its letters and digits, except for a passport written as a
// machine-readable zone, whose canonical form is the document number.
func canonical(dst []byte, k detectors.Kind, span []byte) []byte {
	if k == detectors.Passport {
		if i := bytes.IndexByte(span, '\n'); i >= 0 {
			// TD3: the second line opens with the 9-character document
			// number, filled with '<'.
			line := span[i+1:]
			if len(line) > 9 {
				line = line[:9]
			}
			return appendCanonical(dst, line)
		}
	}
	return appendCanonical(dst, span)
}

// size returns the length of the replacement of h.
func (e *engine) size(src []byte, h *hit) int {
	span := src[h.start:h.end]
	if keep, char, ok := e.maskOf(h, span); ok {
		return maskLen(span, keep, len(char))
	}
	switch h.act {
	case actLabel:
		if h.rule.label != "" {
			return len(h.rule.label)
		}
		return len(e.fs[h.f].Kind) + 2
	case actToken:
		return len(e.fs[h.f].Kind) + 3 + tokenHex
	}
	return len(span)
}

// maxSize bounds the length of the replacement of h, which holds an
// identifier of a kind kindLen bytes long, without looking at it: a mask
// character is at most 4 bytes long and replaces at least one byte.
func maxSize(h *hit, kindLen int) int {
	return max(4*(h.end-h.start), maxLabel, kindLen+3+tokenHex)
}

// failChar is the mask character for a span a detector failed on: that of
// the kind's rule when it masks, else "X".
func (e *engine) failChar(h *hit) string {
	if h.rule.action == ActionMask {
		return h.rule.char
	}
	return "X"
}

// tokenHex is the number of hex digits in a token.
const tokenHex = 16

// maskLen returns the length of span masked keeping keep letters and digits
// with a mask character of charLen bytes.
func maskLen(span []byte, keep, charLen int) int {
	if charLen == 1 && plainASCII(span) {
		return len(span) // one byte for one, as appendMask does it in place
	}
	total := 0
	for i := 0; i < len(span); {
		c, size := alnum(span[i:])
		if c != 0 {
			total++
		}
		i += size
	}
	n := 0
	for i, k := 0, 0; i < len(span); {
		c, size := alnum(span[i:])
		if c != 0 && k < total-keep {
			n += charLen
			k++
		} else {
			n += size
		}
		i += size
	}
	return n
}

// appendMask appends span masked: every letter and digit but the last keep
// becomes char.
func appendMask(dst, span []byte, keep int, char string) []byte {
	if len(char) == 1 {
		// The common case, done in place in one pass: copy, then mask from
		// the end, unless a byte turns out to need appendMaskChars. That
		// writes no more than len(span) bytes with a one-byte char, so
		// neither grows dst past its capacity when span fits in it.
		n := len(dst)
		if cap(dst)-n < len(span) && !plainASCII(span) {
			return appendMaskChars(dst, span, keep, char)
		}
		dst = append(dst, span...)
		if !maskASCII(dst[n:], keep, char[0]) {
			clear(dst[n:]) // leave no copy of the identifier past the result
			return appendMaskChars(dst[:n], span, keep, char)
		}
		return dst
	}
	return appendMaskChars(dst, span, keep, char)
}

// maskASCII masks b in place, from its end: every ASCII letter and digit but
// the last keep becomes c. It returns false, leaving b partly masked, at a
// byte that may be part of a longer character (maskWide), which needs
// appendMaskChars.
func maskASCII(b []byte, keep int, c byte) bool {
	for i := len(b) - 1; i >= 0; i-- {
		switch maskClass[b[i]] {
		case maskAlnum:
			if keep > 0 {
				keep--
			} else {
				b[i] = c
			}
		case maskWide:
			return false
		}
	}
	return true
}

// Classes of bytes for appendMask: maskAlnum for an ASCII letter or digit,
// maskWide for a byte that may be part of a longer character (not ASCII, or
// the '%' of a percent escape), which appendMaskChars deals with.
const (
	maskOther = iota
	maskAlnum
	maskWide
)

// maskClass is the class of every byte, for maskASCII.
var maskClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || c == '%':
			t[c] = maskWide
		case alnumByte(byte(c)):
			t[c] = maskAlnum
		}
	}
	return t
}()

// plainASCII reports whether b is ASCII without a '%', so that each byte is a
// character of its own (alnum decodes percent escapes).
func plainASCII(b []byte) bool {
	for _, c := range b {
		if maskClass[c] == maskWide {
			return false
		}
	}
	return true
}

// appendMaskChars is appendMask for any span: characters of other scripts
// and percent escapes are masked whole.
func appendMaskChars(dst, span []byte, keep int, char string) []byte {
	total := 0
	for i := 0; i < len(span); {
		c, size := alnum(span[i:])
		if c != 0 {
			total++
		}
		i += size
	}
	masked := total - keep
	for i, k := 0, 0; i < len(span); {
		c, size := alnum(span[i:])
		if c != 0 && k < masked {
			dst = append(dst, char...)
			k++
		} else {
			dst = append(dst, span[i:i+size]...)
		}
		i += size
	}
	return dst
}

// appendUpper appends k in upper case.
func appendUpper(dst []byte, k detectors.Kind) []byte {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendToken appends the token for the identifier of kind k written as span.
func (e *engine) appendToken(dst []byte, k detectors.Kind, span []byte) []byte {
	if e.mac == nil {
		e.mac = hmac.New(sha256.New, e.r.key)
		e.sum = make([]byte, 0, sha256.Size)
	}
	msg := append(e.canon[:0], k...)
	msg = append(msg, 0)
	msg = canonical(msg, k, span)
	e.canon = msg
	e.mac.Reset()
	e.mac.Write(msg)
	sum := e.mac.Sum(e.sum[:0])
	dst = append(dst, '[')
	dst = appendUpper(dst, k)
	dst = append(dst, ':')
	n := len(dst)
	dst = append(dst, make([]byte, tokenHex)...)
	tok := dst[n:]
	for w := 0; ; w++ {
		if w == len(sum)/(tokenHex/2) {
			// All decimal in every window: write the first digit as a letter.
			hex.Encode(tok, sum[:tokenHex/2])
			tok[0] = 'a' + (tok[0]-'0')%6
			break
		}
		hex.Encode(tok, sum[w*tokenHex/2:(w+1)*tokenHex/2])
		if hasHexLetter(tok) {
			break
		}
	}
	return append(dst, ']')
}

func hasHexLetter(b []byte) bool {
	for _, c := range b {
		if c >= 'a' {
			return true
		}
	}
	return false
}

// appendReplacement appends the replacement of h to dst.
func (e *engine) appendReplacement(dst, src []byte, h *hit) []byte {
	span := src[h.start:h.end]
	if keep, char, ok := e.maskOf(h, span); ok {
		return appendMask(dst, span, keep, char)
	}
	k := e.fs[h.f].Kind
	switch h.act {
	case actLabel:
		if h.rule.label != "" {
			return append(dst, h.rule.label...)
		}
		dst = append(dst, '[')
		dst = appendUpper(dst, k)
		return append(dst, ']')
	case actToken:
		return e.appendToken(dst, k, span)
	}
	return append(dst, span...)
}

// count records that h was written.
func (e *engine) count(h *hit) {
	if h.act == actAllow {
		e.allowed++
		return
	}
	var c *counts
	if h.idx >= 0 {
		if e.counts == nil {
			e.counts = make([]counts, len(e.r.rules))
		}
		c = &e.counts[h.idx]
	} else {
		k := e.fs[h.f].Kind
		c = e.other[k]
		if c == nil {
			if e.other == nil {
				e.other = make(map[detectors.Kind]*counts)
			}
			c = new(counts)
			e.other[k] = c
		}
	}
	c.found++
	if h.act != actKeep {
		c.redacted++
	}
	if h.act == actFail {
		e.failed++
		if e.err == nil {
			e.err = e.fs[h.f].Err
		}
	}
}

// emit appends to out, without growing it past its capacity, the output for
// src[e.pos:e.end], and advances the cursor. A replacement is written whole or
// not at all, and plain text is cut only between characters. It reports
// whether it got to e.end.
func (e *engine) emit(out, src []byte) ([]byte, bool) {
	out = e.emitInPlace(out, src)
	for {
		next := e.end
		if e.hi < len(e.hits) {
			next = e.hits[e.hi].start
		}
		if e.pos < next {
			room := cap(out) - len(out)
			plain := src[e.pos:next]
			if len(plain) > room {
				k := cutRune(plain, room)
				out = append(out, plain[:k]...)
				e.pos += k
				return out, false
			}
			out = append(out, plain...)
			e.pos = next
		}
		if e.hi == len(e.hits) {
			return out, true
		}
		h := &e.hits[e.hi]
		if room := cap(out) - len(out); room < maxSize(h, len(e.fs[h.f].Kind)) && room < e.size(src, h) {
			return out, false
		}
		out = e.appendReplacement(out, src, h)
		e.count(h)
		e.pos = h.end
		e.hi++
	}
}

// emitInPlace is the fast path of emit: it copies src from e.pos up to e.end,
// or up to the end of the last hit that fits in out, in one piece, then masks
// the hits in it in place. It stops, and leaves the rest to emit, at a hit
// whose replacement is not as long as the identifier (a label, a token, a
// character of another script or a percent escape, a mask character longer
// than one byte). Then it clears what it had copied from that hit on, so
// that no identifier is left in clear in out's spare capacity (a Reader's
// caller's buffer, past the bytes it returns).
func (e *engine) emitInPlace(out, src []byte) []byte {
	stop := e.end
	if room := cap(out) - len(out); stop-e.pos > room {
		stop = e.pos
		for j := e.hi; j < len(e.hits) && e.hits[j].end-e.pos <= room; j++ {
			stop = e.hits[j].end
		}
	}
	if stop <= e.pos {
		return out
	}
	base := len(out) - e.pos // out[base+i] is the output for src[i]
	out = append(out, src[e.pos:stop]...)
	for ; e.hi < len(e.hits) && e.hits[e.hi].end <= stop; e.hi++ {
		h := &e.hits[e.hi]
		if !e.maskInPlace(out[base+h.start:base+h.end], h) {
			clear(out[base+h.start:])
			e.pos = h.start
			return out[:base+h.start]
		}
		e.count(h)
	}
	e.pos = stop
	return out
}

// maskInPlace writes the replacement of h over b, a copy of its span, when the
// replacement is as long as the span; it reports whether it was. When it was
// not, b may be left partly masked.
func (e *engine) maskInPlace(b []byte, h *hit) bool {
	if h.act == actAllow || h.act == actKeep {
		return true
	}
	keep, char, ok := e.maskOf(h, b)
	return ok && len(char) == 1 && maskASCII(b, keep, char[0])
}

// maskOf returns how h, whose identifier is written span, is masked: the
// letters and digits left at its end and the mask character. ok is false
// when h is not masked (kept, labelled or made a token). size, emit and
// appendReplacement all ask it, so that the room reserved for a
// replacement is the room it takes.
func (e *engine) maskOf(h *hit, span []byte) (keep int, char string, ok bool) {
	switch h.act {
	case actMask:
		if e.fs[h.f].Kind == detectors.Passport && bytes.IndexByte(span, '<') >= 0 {
			// A passport's machine-readable zone: its last characters are
			// check digits over the number and the dates, so none is kept.
			return 0, h.rule.char, true
		}
		return h.rule.keep, h.rule.char, true
	case actFail:
		return 0, e.failChar(h), true
	}
	return 0, "", false
}

// rebase makes the cursor relative to a src that starts c bytes later, once
// the output for the first c bytes has been written.
func (e *engine) rebase(c int) {
	e.pos -= c
	e.end -= c
	for i := e.hi; i < len(e.hits); i++ {
		e.hits[i].start -= c
		e.hits[i].end -= c
	}
}

// cutRune returns the largest k' <= k such that b[:k'] does not end inside a
// valid UTF-8 sequence of b.
func cutRune(b []byte, k int) int {
	if k >= len(b) {
		return len(b)
	}
	for i := k - 1; i >= 0 && i >= k-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if r, size := utf8.DecodeRune(b[i:]); (r != utf8.RuneError || size > 1) && i+size > k {
				return i
			}
			break
		}
	}
	return k
}

// stats returns the counters as Stats.
func (e *engine) stats() Stats {
	s := Stats{
		Found:    make(map[detectors.Kind]int64),
		Redacted: make(map[detectors.Kind]int64),
		Allowed:  e.allowed,
		Failed:   e.failed,
		Err:      e.err,
	}
	for i, c := range e.counts {
		if c.found > 0 {
			s.Found[e.r.kinds[i]] = c.found
		}
		if c.redacted > 0 {
			s.Redacted[e.r.kinds[i]] = c.redacted
		}
	}
	for k, c := range e.other {
		s.Found[k] += c.found
		if c.redacted > 0 {
			s.Redacted[k] += c.redacted
		}
	}
	return s
}

// resetStats clears the counters.
func (e *engine) resetStats() {
	clear(e.counts)
	clear(e.other)
	e.allowed, e.failed, e.err = 0, 0, nil
}
