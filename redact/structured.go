package redact

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/internal/sepline"
)

// This file holds what the structured formats share (field names that say
// what a value is, and the replacement of a whole value) and the streaming
// JSON and CSV redactors.

// keyWords maps a lower-case word of a field name to the kind of value the
// field holds. The word must be the last word of the name, or be followed
// only by words in keySuffixes: "mobile", "mobileNo", "customer_phone" and
// "voter_id" name kinds; "mobile_verified" and "phone_country_code" do not.
var keyWords = map[string]detectors.Kind{
	"aadhaar": detectors.Aadhaar, "aadhar": detectors.Aadhaar, "adhaar": detectors.Aadhaar,
	"adhar": detectors.Aadhaar, "aadhaars": detectors.Aadhaar, "aadhaarno": detectors.Aadhaar,
	"aadharno": detectors.Aadhaar, "aadhaarnumber": detectors.Aadhaar, "aadharnumber": detectors.Aadhaar,
	"uidai": detectors.Aadhaar,

	"aadhaarvid": detectors.AadhaarVID, "virtualid": detectors.AadhaarVID,

	"pan": detectors.PAN, "pans": detectors.PAN, "pancard": detectors.PAN, "panno": detectors.PAN,
	"pannumber": detectors.PAN,

	"passport": detectors.Passport, "passports": detectors.Passport, "passportno": detectors.Passport,
	"passportnumber": detectors.Passport,

	"voter": detectors.VoterID, "voterid": detectors.VoterID, "voterids": detectors.VoterID,
	"epic": detectors.VoterID, "epicno": detectors.VoterID, "epicnumber": detectors.VoterID,

	"mobile": detectors.Mobile, "mobiles": detectors.Mobile, "mobileno": detectors.Mobile,
	"mobilenumber": detectors.Mobile, "mob": detectors.Mobile, "mobno": detectors.Mobile,
	"phone": detectors.Mobile, "phones": detectors.Mobile, "phoneno": detectors.Mobile,
	"phonenumber": detectors.Mobile, "telephone": detectors.Mobile, "tel": detectors.Mobile,
	"cellphone": detectors.Mobile, "cellno": detectors.Mobile, "msisdn": detectors.Mobile,
	"whatsapp": detectors.Mobile, "contact": detectors.Mobile, "contactno": detectors.Mobile,
	"contactnumber": detectors.Mobile,
}

// keySuffix reports whether w (lower case) may follow the word that names a
// kind: "no" in "mobile_no", "id" in "voter_id", a digit run in "phone2".
func keySuffix(w []byte) bool {
	switch string(w) {
	case "no", "nos", "num", "number", "numbers", "nbr", "id", "ids", "card", "value", "val":
		return true
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(w) > 0
}

// maxKeyWord is the longest word of a field name that is looked up.
const maxKeyWord = 24

// keyWordSpans splits key into words: runs of ASCII letters and digits, cut
// where lower case turns to upper case ("phoneNumber"), before the last
// capital of a run of capitals followed by lower case ("EPICNo") and between
// letters and digits ("phone2"). It calls yield for the words from the last
// to the first, until yield returns false. It allocates nothing.
func keyWordSpans(key string, yield func(start, end int) bool) {
	end := len(key)
	for end > 0 {
		// Skip separators.
		for end > 0 && !alnumByte(key[end-1]) {
			end--
		}
		if end == 0 {
			return
		}
		start := end - 1
		for start > 0 && alnumByte(key[start-1]) && !wordBoundary(key, start) {
			start--
		}
		if !yield(start, end) {
			return
		}
		end = start
	}
}

// wordBoundary reports whether a word starts at key[i], given that key[i-1]
// and key[i] are both ASCII letters or digits.
func wordBoundary(key string, i int) bool {
	a, b := key[i-1], key[i]
	switch {
	case digitByte(a) != digitByte(b):
		return true
	case lowerByte(a) && upperByte(b):
		return true
	case upperByte(a) && upperByte(b) && i+1 < len(key) && lowerByte(key[i+1]):
		return true
	}
	return false
}

func digitByte(c byte) bool { return '0' <= c && c <= '9' }
func lowerByte(c byte) bool { return 'a' <= c && c <= 'z' }
func upperByte(c byte) bool { return 'A' <= c && c <= 'Z' }
func alnumByte(c byte) bool { return digitByte(c) || lowerByte(c) || upperByte(c) }

// kindOfKey reports the kind of identifier that a field named key holds, if
// its name says so. See keyWords. It allocates nothing.
func kindOfKey(key string) (kind detectors.Kind, ok bool) {
	var w [maxKeyWord]byte
	suffixed := false
	prevVID := false // the word after this one was "vid"
	keyWordSpans(key, func(start, end int) bool {
		if end-start > maxKeyWord {
			return false
		}
		n := copy(w[:], key[start:end])
		for i := range n {
			if upperByte(w[i]) {
				w[i] += 'a' - 'A'
			}
		}
		word := w[:n]
		if prevVID {
			// "aadhaar_vid", "uid_vid": the VID of an Aadhaar number.
			if k, found := keyWords[string(word)]; found && k == detectors.Aadhaar {
				kind, ok = detectors.AadhaarVID, true
			}
			return false
		}
		if k, found := keyWords[string(word)]; found {
			kind, ok = k, true
			return false
		}
		switch {
		case string(word) == "vid":
			prevVID = true
			return true
		case string(word) == "virtual" && suffixed:
			kind, ok = detectors.AadhaarVID, true
			return false
		case keySuffix(word):
			suffixed = true
			return true
		}
		return false
	})
	return kind, ok
}

// holdsDigit reports whether s holds a decimal digit of any script that the
// detectors read (see detectors.Alnum).
func holdsDigit[T string | []byte](s T) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if digitByte(c) {
				return true
			}
			i++
			continue
		}
		var buf [utf8.UTFMax]byte
		n := copy(buf[:], s[i:min(i+utf8.UTFMax, len(s))])
		a, size := detectors.Alnum(buf[:n])
		if digitByte(a) {
			return true
		}
		i += max(size, 1)
	}
	return false
}

// Replacement returns what the policy writes in place of value, taken whole
// as an identifier of kind k whatever its format. Under the default policy
// every letter and digit of value but the last four becomes "X" and every
// other character stays: Replacement(detectors.Mobile, "98765-43210") is
// "XXXXX-X3210". It is what [Redactor.Field], [Redactor.JSON],
// [Redactor.CSV] and [Redactor.Handler] write for a value under a name that
// says what it holds, and what a caller that found an identifier by other
// means uses to replace it as the policy would.
//
// Replacement returns value unchanged when the policy allows it or its
// kind's rule is [ActionKeep], and a value already replaced stays as it is.
func (r *Redactor) Replacement(k detectors.Kind, value string) string {
	out, _ := r.replaceWhole(nil, k, []byte(value))
	return string(out)
}

// Field returns value redacted as the value of a field named key. When the
// name says what the field holds ("mobile", "phone_no", "aadhaar", "pan",
// "passport", "voter_id", "epic", and their variants in snake_case,
// camelCase, kebab-case or with suffixes such as "no", "number" and "id") and
// value holds a digit, value is taken whole as an identifier of that kind and
// replaced by [Redactor.Replacement], even in a format the detectors would not
// recognise. Otherwise value is redacted as text, with the name read before it
// as the detectors read the words before a number: Field("passport_ref",
// "A1234567") masks the passport number that String("A1234567") leaves, and
// Field("order_id", "9876543210") leaves what String would mask as a mobile
// number.
func (r *Redactor) Field(key, value string) string {
	k, _ := kindOfKey(key)
	f := fields{r: r}
	f.note([]byte(key), ": ")
	out, changed := f.redact(k, []byte(value))
	if !changed {
		return value
	}
	return string(out)
}

// ctxLen is how much of the text before a value is read as its context: the
// detectors look at most 96 bytes back for a word such as "passport".
const ctxLen = 96

// fields redacts the values of a record (a JSON document, a CSV row, a log
// record) one by one, reading the names and values just before each as its
// context, as the detectors read the words before a number in text: in
// {"type": "passport", "number": "A8052865"}, "passport" makes the number a
// passport number.
type fields struct {
	r   *Redactor
	ctx []byte // the text before the next value, at most 2*ctxLen bytes
	tmp []byte // ctx and the value
	out []byte // the redacted value
}

// memberSep separates the members of a record in the context. It is not a
// comma or another CSV delimiter: the detectors would read a first line with
// commas as a CSV header and limit the context to one field.
const memberSep = "  "

// reset forgets the context.
func (f *fields) reset() { f.ctx = f.ctx[:0] }

// note adds text and then sep to the context. Line breaks become spaces:
// the detectors read context on the same line.
func (f *fields) note(text []byte, sep string) {
	if len(text) > ctxLen {
		text = text[len(text)-ctxLen:]
	}
	if len(f.ctx)+len(text)+len(sep) > 2*ctxLen {
		keep := f.ctx[max(len(f.ctx)-ctxLen, 0):]
		for len(keep) > 0 && !utf8.RuneStart(keep[0]) {
			keep = keep[1:]
		}
		f.ctx = f.ctx[:copy(f.ctx, keep)]
	}
	n := len(f.ctx)
	f.ctx = append(f.ctx, text...)
	f.ctx = append(f.ctx, sep...)
	for i := n; i < len(f.ctx); i++ {
		if f.ctx[i] == '\n' || f.ctx[i] == '\r' {
			f.ctx[i] = ' '
		}
	}
}

// redact returns the redaction of value, the value of a field whose name says
// it holds an identifier of kind k ("" when it says nothing), and reports
// whether it differs from value. The result is valid until the next call.
func (f *fields) redact(k detectors.Kind, value []byte) ([]byte, bool) {
	var changed bool
	switch {
	case k != "" && holdsDigit(value):
		f.out, changed = f.r.replaceWhole(f.out[:0], k, value)
	case !f.r.mayHold(value):
		f.out = f.out[:0]
	case len(f.ctx) == 0:
		f.out, changed = f.r.redactAfter(f.out[:0], value, 0)
	default:
		ctx := f.ctx[max(len(f.ctx)-ctxLen, 0):]
		for len(ctx) > 0 && !utf8.RuneStart(ctx[0]) {
			ctx = ctx[1:]
		}
		f.tmp = append(append(f.tmp[:0], ctx...), value...)
		f.out, changed = f.r.redactAfter(f.out[:0], f.tmp, len(ctx))
	}
	return f.out, changed
}

// minDigits is the fewest digits a built-in identifier holds: a PAN has four.
const minDigits = 4

// mayHold reports whether value may hold an identifier. With the built-in
// detectors only, a value with fewer than minDigits digits (of any script the
// detectors read) cannot; with custom detectors, any value may.
func (r *Redactor) mayHold(value []byte) bool {
	if r.set != detectors.Default {
		return true
	}
	n := 0
	for i := 0; i < len(value); {
		c := value[i]
		if c < utf8.RuneSelf {
			if digitByte(c) {
				if n++; n == minDigits {
					return true
				}
			}
			i++
			continue
		}
		a, size := detectors.Alnum(value[i:])
		if digitByte(a) {
			if n++; n == minDigits {
				return true
			}
		}
		i += max(size, 1)
	}
	return false
}

// redactAfter appends to dst the redaction of text[from:], reading
// text[:from] as context only, and reports whether it differs from
// text[from:]. When it does not, dst is returned unextended. It does not
// allocate when there is nothing to replace.
func (r *Redactor) redactAfter(dst, text []byte, from int) ([]byte, bool) {
	e := r.get()
	defer r.put(e)
	e.oneShot(text)
	start, pos := len(dst), from
	for i := range e.hits {
		h := &e.hits[i]
		if h.end <= from {
			continue
		}
		if h.start < from {
			// The context ran into the value and made one identifier
			// of the two: read the value alone.
			return r.redactAfter(dst[:start], text[from:], 0)
		}
		if h.act == actAllow || h.act == actKeep {
			continue
		}
		dst = append(dst, text[pos:h.start]...)
		dst = e.appendReplacement(dst, text, h)
		pos = h.end
	}
	if pos == from {
		return dst, false
	}
	dst = append(dst, text[pos:]...)
	if bytes.Equal(dst[start:], text[from:]) {
		return dst[:start], false
	}
	return dst, true
}

// replaceWhole appends to dst the replacement of value taken whole as an
// identifier of kind k, and reports whether it differs from value. When it
// does not, dst is returned extended by value.
func (r *Redactor) replaceWhole(dst []byte, k detectors.Kind, value []byte) ([]byte, bool) {
	rl, _ := r.ruleFor(k)
	e := r.get()
	defer r.put(e)
	// The identifier as the detectors see it, if they see one of kind k in
	// value: its canonical form leaves out a "+91" before a mobile number.
	span := value
	e.fs = r.set.Find(e.fs[:0], value)
	for _, f := range e.fs {
		if f.Kind == k && f.Err == nil {
			span = value[f.Start:f.End]
			break
		}
	}
	if r.allow != nil && (e.allowed1(k, value) || e.allowed1(k, span)) {
		return append(dst, value...), false
	}
	start := len(dst)
	switch rl.action {
	case ActionKeep:
		return append(dst, value...), false
	case ActionLabel:
		if rl.label != "" {
			dst = append(dst, rl.label...)
		} else {
			dst = append(dst, '[')
			dst = appendUpper(dst, k)
			dst = append(dst, ']')
		}
	case ActionToken:
		if isToken(k, value) {
			return append(dst, value...), false
		}
		dst = e.appendToken(dst, k, span)
	default:
		dst = appendMask(dst, value, rl.keep, rl.char)
	}
	return dst, !bytes.Equal(dst[start:], value)
}

// isToken reports whether value is already a token of kind k (see
// ActionToken): "[MOBILE:3f9a0c1d2b4e5f60]".
func isToken(k detectors.Kind, value []byte) bool {
	n := len(k) + 3 + tokenHex
	if len(value) != n || value[0] != '[' || value[n-1] != ']' || value[len(k)+1] != ':' {
		return false
	}
	for i := range len(k) {
		if c := value[1+i]; c != k[i] && c != k[i]-('a'-'A') {
			return false
		}
	}
	for _, c := range value[len(k)+2 : n-1] {
		if !digitByte(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// JSONError reports JSON input that is not well formed, and where.
type JSONError struct {
	Offset int64 // byte offset of the offending byte in the input
	Line   int   // 1-based line of the offending byte
	Column int   // 1-based column of the offending byte, counted in bytes
	Msg    string
}

// Error implements error.
func (e *JSONError) Error() string {
	return fmt.Sprintf("redact: JSON: line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// Limits of the structured redactors. A string, number or CSV field up to
// maxHeld bytes is held whole and written back byte for byte when it holds
// no identifier; a longer one is redacted as it streams.
const (
	maxHeld      = 64 << 10
	maxJSONDepth = 10000
	structBuf    = 32 << 10
)

// JSON copies the JSON text read from src to dst with the identifiers in it
// redacted, and returns the first error from reading, writing or parsing. src
// may hold any number of JSON values separated by white space (JSON Lines, a
// stream of objects); each must be well formed, and a syntax error is a
// *[JSONError] with its position. JSON streams: its memory does not grow with
// the size of the input (values may nest up to 10000 deep).
//
// What changes:
//   - A string (object keys included) that holds an identifier is rewritten
//     with the identifier replaced and re-escaped minimally: only '"', '\\' and
//     control characters are escaped, so "\u00e9" in such a string becomes "é".
//     Strings with no identifier are written back byte for byte.
//   - A number that holds an identifier becomes a string:
//     {"mobile": 9876543210} becomes {"mobile": "XXXXXX3210"}.
//   - A string or number under a key that says what it holds (see
//     [Redactor.Field]) and that holds a digit is replaced whole as that kind.
//     The same holds for the strings and numbers directly in an array under
//     such a key: {"phones": ["98765 43210", "(0) 98765-43210"]}. A key
//     applies to its own value only, not to the members of an object under it.
//   - Any other string or number is redacted as text, read after the keys
//     and values just before it (up to 96 bytes) as the detectors read the
//     words before a number: in {"type": "passport", "number": "A1234567"}
//     the number is a passport number.
//   - A string longer than 64 KiB is redacted as free text as it streams and
//     written back re-escaped minimally, whether or not it held an identifier.
//
// White space, the order of members, escapes in strings without identifiers
// and everything else is written as it was read.
func (r *Redactor) JSON(dst io.Writer, src io.Reader) error {
	return r.jsonKind(dst, src, "")
}

// jsonKind is JSON for the value of a field whose key names kind k ("" if none).
func (r *Redactor) jsonKind(dst io.Writer, src io.Reader, k detectors.Kind) error {
	j := &jsonStream{
		r:    r,
		in:   src,
		buf:  make([]byte, structBuf),
		out:  bufio.NewWriterSize(dst, structBuf),
		line: 1,
		top:  k,
	}
	j.f.r = r

	err := j.run()
	if ferr := j.out.Flush(); err == nil {
		err = ferr
	}
	return err
}

// jsonStream is the state of one call to Redactor.JSON.
type jsonStream struct {
	r        *Redactor
	in       io.Reader
	buf      []byte
	pos, end int
	base     int64 // stream offset of buf[0]
	rerr     error // error from in, io.EOF at the end
	line     int
	lineOff  int64 // stream offset of the first byte of the current line
	out      *bufio.Writer
	top      detectors.Kind // the kind of the top-level values
	raw      []byte         // a string or number as read, without the quotes
	dec      []byte         // the decoded string
	f        fields
}

func (j *jsonStream) run() error {
	for {
		if _, err := j.skipSpace(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		j.f.reset()
		if err := j.value(j.top, 0); err != nil {
			return err
		}
	}
}

// fill reads more input after compacting the buffer. It returns false when
// no more input will come (j.rerr is set).
func (j *jsonStream) fill() bool {
	if j.rerr != nil {
		return false
	}
	if j.pos > 0 {
		n := copy(j.buf, j.buf[j.pos:j.end])
		j.base += int64(j.pos)
		j.pos, j.end = 0, n
	}
	for range 100 {
		n, err := j.in.Read(j.buf[j.end:])
		j.end += n
		if err != nil {
			j.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	j.rerr = io.ErrNoProgress
	return false
}

// errEOF returns the error for input that ends inside a value.
func (j *jsonStream) errEOF() error {
	if j.rerr != nil && j.rerr != io.EOF {
		return j.rerr
	}
	return j.syntax("unexpected end of input")
}

func (j *jsonStream) syntax(msg string) error {
	off := j.base + int64(j.pos)
	return &JSONError{Offset: off, Line: j.line, Column: int(off-j.lineOff) + 1, Msg: msg}
}

func (j *jsonStream) unexpected(c byte, what string) error {
	return j.syntax(fmt.Sprintf("invalid character %q %s", c, what))
}

// skipSpace copies white space to the output and returns the next byte
// without consuming it. At the end of the input it returns io.EOF (or the
// reader's error).
func (j *jsonStream) skipSpace() (byte, error) {
	for {
		start := j.pos
		for j.pos < j.end {
			c := j.buf[j.pos]
			if c == '\n' {
				j.line++
				j.lineOff = j.base + int64(j.pos) + 1
			} else if c != ' ' && c != '\t' && c != '\r' {
				break
			}
			j.pos++
		}
		j.out.Write(j.buf[start:j.pos])
		if j.pos < j.end {
			return j.buf[j.pos], nil
		}
		if !j.fill() {
			return 0, j.rerr
		}
	}
}

// next is skipSpace inside a value, where the end of input is an error.
func (j *jsonStream) next() (byte, error) {
	c, err := j.skipSpace()
	if err != nil {
		return 0, j.errEOF()
	}
	return c, nil
}

// value copies one JSON value; k is the kind its key names, if any.
func (j *jsonStream) value(k detectors.Kind, depth int) error {
	c, err := j.next()
	if err != nil {
		return err
	}
	switch {
	case c == '{':
		return j.object(depth + 1)
	case c == '[':
		return j.array(k, depth+1)
	case c == '"':
		_, err := j.str(k, false)
		return err
	case c == '-' || digitByte(c):
		return j.number(k)
	case c == 't':
		return j.literal("true")
	case c == 'f':
		return j.literal("false")
	case c == 'n':
		return j.literal("null")
	}
	return j.unexpected(c, "looking for beginning of value")
}

func (j *jsonStream) literal(lit string) error {
	for i := range len(lit) {
		if j.pos == j.end && !j.fill() {
			return j.errEOF()
		}
		if j.buf[j.pos] != lit[i] {
			return j.unexpected(j.buf[j.pos], "in literal "+lit)
		}
		j.pos++
	}
	j.out.WriteString(lit)
	return nil
}

func (j *jsonStream) object(depth int) error {
	if depth > maxJSONDepth {
		return j.syntax("exceeded max depth")
	}
	j.pos++
	j.out.WriteByte('{')
	c, err := j.next()
	if err != nil {
		return err
	}
	if c == '}' {
		j.pos++
		j.out.WriteByte('}')
		return nil
	}
	for {
		if c != '"' {
			return j.unexpected(c, "looking for beginning of object key string")
		}
		k, err := j.str("", true)
		if err != nil {
			return err
		}
		if c, err = j.next(); err != nil {
			return err
		}
		if c != ':' {
			return j.unexpected(c, "after object key")
		}
		j.pos++
		j.out.WriteByte(':')
		if err := j.value(k, depth); err != nil {
			return err
		}
		if c, err = j.next(); err != nil {
			return err
		}
		j.pos++
		j.out.WriteByte(c)
		switch c {
		case '}':
			return nil
		case ',':
		default:
			j.pos--
			return j.unexpected(c, "after object key:value pair")
		}
		if c, err = j.next(); err != nil {
			return err
		}
	}
}

func (j *jsonStream) array(k detectors.Kind, depth int) error {
	if depth > maxJSONDepth {
		return j.syntax("exceeded max depth")
	}
	j.pos++
	j.out.WriteByte('[')
	c, err := j.next()
	if err != nil {
		return err
	}
	if c == ']' {
		j.pos++
		j.out.WriteByte(']')
		return nil
	}
	for {
		if err := j.value(k, depth); err != nil {
			return err
		}
		if c, err = j.next(); err != nil {
			return err
		}
		j.pos++
		j.out.WriteByte(c)
		switch c {
		case ']':
			return nil
		case ',':
		default:
			j.pos--
			return j.unexpected(c, "after array element")
		}
	}
}

// number copies a number; one that holds an identifier becomes a string.
func (j *jsonStream) number(k detectors.Kind) error {
	// States of the JSON number grammar.
	const (
		sSign  = iota // after '-'
		sZero         // after a leading 0
		sInt          // in the integer digits
		sDot          // after '.'
		sFrac         // in the fraction digits
		sE            // after 'e' or 'E'
		sESign        // after the exponent's sign
		sExp          // in the exponent digits
	)
	j.raw = j.raw[:0]
	long := false
	state := sSign
	if j.buf[j.pos] != '-' {
		state = sInt
		if j.buf[j.pos] == '0' {
			state = sZero
		}
	}
	j.raw = append(j.raw, j.buf[j.pos])
	j.pos++
	for {
		if j.pos == j.end && !j.fill() {
			if j.rerr != io.EOF {
				return j.rerr
			}
			break
		}
		c := j.buf[j.pos]
		ok := true
		switch state {
		case sSign:
			switch {
			case c == '0':
				state = sZero
			case digitByte(c):
				state = sInt
			default:
				return j.unexpected(c, "in numeric literal")
			}
		case sZero, sInt:
			switch {
			case digitByte(c) && state == sInt:
			case c == '.':
				state = sDot
			case c == 'e' || c == 'E':
				state = sE
			default:
				ok = false
			}
		case sDot:
			if !digitByte(c) {
				return j.unexpected(c, "after decimal point in numeric literal")
			}
			state = sFrac
		case sFrac:
			switch {
			case digitByte(c):
			case c == 'e' || c == 'E':
				state = sE
			default:
				ok = false
			}
		case sE:
			switch {
			case c == '+' || c == '-':
				state = sESign
			case digitByte(c):
				state = sExp
			default:
				return j.unexpected(c, "in exponent of numeric literal")
			}
		case sESign:
			if !digitByte(c) {
				return j.unexpected(c, "in exponent of numeric literal")
			}
			state = sExp
		case sExp:
			ok = digitByte(c)
		}
		if !ok {
			break
		}
		j.pos++
		if long {
			j.out.WriteByte(c)
			continue
		}
		j.raw = append(j.raw, c)
		if len(j.raw) > 64 {
			// Too long to be an identifier (the detectors skip runs of
			// more than 25 letters and digits): copy the rest as it is.
			long = true
			j.out.Write(j.raw)
		}
	}
	switch state {
	case sSign, sDot, sE, sESign:
		return j.errEOF()
	}
	if long {
		return nil
	}
	out, changed := j.f.redact(k, j.raw)
	if changed {
		j.out.WriteByte('"')
		writeJSONEscaped(j.out, out)
		j.out.WriteByte('"')
	} else {
		j.out.Write(j.raw)
	}
	j.f.note(j.raw, memberSep)
	return nil
}

// str copies a string. For a key (isKey), it returns the kind the key names.
// k is the kind the string's key names.
func (j *jsonStream) str(k detectors.Kind, isKey bool) (detectors.Kind, error) {
	j.pos++ // the opening quote
	j.raw = j.raw[:0]
	escaped := false
	for {
		if j.pos == j.end && !j.fill() {
			return "", j.errEOF()
		}
		// Copy the run of plain bytes.
		start := j.pos
		for j.pos < j.end {
			c := j.buf[j.pos]
			if c == '"' || c == '\\' || c < 0x20 {
				break
			}
			j.pos++
		}
		j.raw = append(j.raw, j.buf[start:j.pos]...)
		if len(j.raw) > maxHeld {
			return "", j.longString()
		}
		if j.pos == j.end {
			continue
		}
		c := j.buf[j.pos]
		switch {
		case c == '"':
			j.pos++
			return j.finishString(k, isKey, escaped)
		case c < 0x20:
			return "", j.unexpected(c, "in string literal")
		}
		// An escape: make sure it is whole in the buffer.
		n, err := j.escapeLen()
		if err != nil {
			return "", err
		}
		j.raw = append(j.raw, j.buf[j.pos:j.pos+n]...)
		j.pos += n
		escaped = true
	}
}

// escapeLen validates the escape sequence at j.buf[j.pos] and returns its
// length, reading more input if needed.
func (j *jsonStream) escapeLen() (int, error) {
	for j.end-j.pos < 2 {
		if !j.fill() {
			return 0, j.errEOF()
		}
	}
	switch j.buf[j.pos+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		for j.end-j.pos < 6 {
			if !j.fill() {
				return 0, j.errEOF()
			}
		}
		for i := 2; i < 6; i++ {
			if jsonUnhex(j.buf[j.pos+i]) < 0 {
				j.pos += i
				return 0, j.unexpected(j.buf[j.pos], "in \\u hexadecimal character escape")
			}
		}
		return 6, nil
	}
	j.pos++
	return 0, j.unexpected(j.buf[j.pos], "in string escape code")
}

func jsonUnhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// finishString writes a string held whole in j.raw.
func (j *jsonStream) finishString(k detectors.Kind, isKey, escaped bool) (detectors.Kind, error) {
	text := j.raw
	if escaped {
		j.dec = unescapeJSON(j.dec[:0], j.raw)
		text = j.dec
	}
	var key detectors.Kind
	sep := memberSep
	if isKey {
		key, _ = kindOfKey(string(text))
		sep = ": "
	}
	out, changed := j.f.redact(k, text)
	j.out.WriteByte('"')
	if changed {
		writeJSONEscaped(j.out, out)
	} else {
		j.out.Write(j.raw)
	}
	j.out.WriteByte('"')
	j.f.note(text, sep)
	return key, nil
}

// longString redacts the rest of a string longer than maxHeld as free text
// while it streams. j.raw holds its beginning, up to an escape.
func (j *jsonStream) longString() error {
	j.out.WriteByte('"')
	w := j.r.NewWriter(jsonEscaper{j.out})
	// flushRaw passes on what j.raw holds, unless it ends with the first
	// half of a surrogate pair (or force is set, at the end).
	flushRaw := func(force bool) error {
		if !force && endsHighSurrogate(j.raw) {
			return nil
		}
		j.dec = unescapeJSON(j.dec[:0], j.raw)
		j.raw = j.raw[:0]
		_, err := w.Write(j.dec)
		return err
	}
	if err := flushRaw(false); err != nil {
		return err
	}
	for {
		if j.pos == j.end && !j.fill() {
			return j.errEOF()
		}
		start := j.pos
		for j.pos < j.end {
			c := j.buf[j.pos]
			if c == '"' || c == '\\' || c < 0x20 {
				break
			}
			j.pos++
		}
		// The redacting writer copes with UTF-8 sequences cut in two;
		// j.raw is passed on whenever it reaches structBuf bytes.
		j.raw = append(j.raw, j.buf[start:j.pos]...)
		if j.pos == j.end {
			if len(j.raw) >= structBuf {
				if err := flushRaw(false); err != nil {
					return err
				}
			}
			continue
		}
		c := j.buf[j.pos]
		switch {
		case c == '"':
			j.pos++
			if err := flushRaw(true); err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			j.out.WriteByte('"')
			return nil
		case c < 0x20:
			return j.unexpected(c, "in string literal")
		}
		n, err := j.escapeLen()
		if err != nil {
			return err
		}
		j.raw = append(j.raw, j.buf[j.pos:j.pos+n]...)
		j.pos += n
		if len(j.raw) >= structBuf {
			if err := flushRaw(false); err != nil {
				return err
			}
		}
	}
}

// endsHighSurrogate reports whether the escaped string contents raw end with
// an escape of the first half of a surrogate pair, \uD800 to \uDBFF.
func endsHighSurrogate(raw []byte) bool {
	n := len(raw)
	if n < 6 || raw[n-6] != '\\' || raw[n-5] != 'u' {
		return false
	}
	// An escaped backslash before it makes it text: count the backslashes.
	k := 0
	for i := n - 6; i >= 0 && raw[i] == '\\'; i-- {
		k++
	}
	v, ok := jsonHex4(raw[n-4:])
	return ok && k%2 == 1 && v >= 0xD800 && v <= 0xDBFF
}

// unescapeJSON appends to dst the text of the string whose escaped contents
// (without quotes, already validated) are raw. A lone surrogate becomes
// U+FFFD, as in encoding/json.
func unescapeJSON(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			j := bytes.IndexByte(raw[i:], '\\')
			if j < 0 {
				return append(dst, raw[i:]...)
			}
			dst = append(dst, raw[i:i+j]...)
			i += j
			continue
		}
		if i+1 >= len(raw) {
			return append(dst, raw[i:]...)
		}
		switch e := raw[i+1]; e {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r1, ok := jsonHex4(raw[i+2:])
			if !ok {
				return append(dst, raw[i:]...)
			}
			i += 6
			r := rune(r1)
			if utf16.IsSurrogate(r) {
				r = utf8.RuneError
				if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					if r2, ok := jsonHex4(raw[i+2 : i+6]); ok {
						if d := utf16.DecodeRune(rune(r1), rune(r2)); d != utf8.RuneError {
							r = d
							i += 6
						}
					}
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default:
			dst = append(dst, e)
		}
		i += 2
	}
	return dst
}

func jsonHex4(b []byte) (int, bool) {
	if len(b) < 4 {
		return 0, false
	}
	v := 0
	for _, c := range b[:4] {
		d := jsonUnhex(c)
		if d < 0 {
			return 0, false
		}
		v = v<<4 | d
	}
	return v, true
}

// writeJSONEscaped writes s as the contents of a JSON string, escaping only
// what must be escaped.
func writeJSONEscaped(w *bufio.Writer, s []byte) {
	const hexDigits = "0123456789abcdef"
	start := 0
	for i, c := range s {
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		w.Write(s[start:i])
		switch c {
		case '"', '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\t':
			w.WriteString(`\t`)
		case '\b':
			w.WriteString(`\b`)
		case '\f':
			w.WriteString(`\f`)
		default:
			w.WriteString(`\u00`)
			w.WriteByte(hexDigits[c>>4])
			w.WriteByte(hexDigits[c&0xf])
		}
		start = i + 1
	}
	w.Write(s[start:])
}

// jsonEscaper writes what it is given as the contents of a JSON string.
type jsonEscaper struct{ w *bufio.Writer }

// Write appends p to the output, escaped for a JSON string.
func (e jsonEscaper) Write(p []byte) (int, error) {
	writeJSONEscaped(e.w, p)
	return len(p), nil
}

// CSVOptions configures [Redactor.CSV].
type CSVOptions struct {
	// Columns maps column names, as written in the header (the first
	// record), to the kind of identifier the column holds. Names match
	// exactly and then regardless of case and surrounding spaces. A value in
	// such a column that holds a digit is replaced whole as that kind (see
	// [Redactor.Replacement]). The kind "" makes a column free text.
	//
	// Columns not named here are recognised by their header when the name
	// says what they hold, as for [Redactor.Field]: "mobile", "Phone No",
	// "aadhaar_number", "PAN", "passport", "voter_id", "EPIC". Every other
	// field is redacted as text, read after its column's name and the fields
	// before it in the record as the detectors' context:
	// "id_type,id_number" / "Passport,A1234567" masks the passport number.
	Columns map[string]detectors.Kind
	// Comma is the field delimiter, an ASCII character other than '"', '\r'
	// and '\n'. Zero means ','.
	Comma rune
}

// ErrCSVComma is returned by [Redactor.CSV] for a CSVOptions.Comma it cannot
// use.
var ErrCSVComma = errors.New("redact: CSV delimiter must be an ASCII character other than quote, CR and LF")

// CSV copies the CSV text read from src to dst with the identifiers in its
// fields redacted, and returns the first error from reading or writing. The
// first record is the header: it names the columns for opts.Columns and is
// redacted like any record. A first line "sep=;", which spreadsheet programs
// write to name the delimiter, is copied as it is and the header is the record
// after it; its delimiter is used when opts.Comma is zero. CSV streams: its
// memory does not grow with the size of the input or the length of a record,
// only with the number of columns.
//
// Fields without identifiers, delimiters, quoting and line endings (CRLF, LF
// or CR) are written back byte for byte. A field with an identifier keeps its
// quoting; an unquoted one is quoted if its replacement needs it. A field
// longer than 64 KiB is redacted as free text as it streams. CSV is lenient
// like encoding/csv with LazyQuotes: a stray quote is text, and a quoted
// field left open at the end of the input ends there.
func (r *Redactor) CSV(dst io.Writer, src io.Reader, opts CSVOptions) error {
	comma := byte(',')
	if opts.Comma != 0 {
		if opts.Comma >= utf8.RuneSelf || opts.Comma == '"' || opts.Comma == '\r' || opts.Comma == '\n' {
			return ErrCSVComma
		}
		comma = byte(opts.Comma)
	}
	c := &csvStream{
		r:     r,
		opts:  &opts,
		comma: comma,
		in:    bufio.NewReaderSize(&stickyReader{r: src}, structBuf),
		out:   bufio.NewWriterSize(dst, structBuf),
	}
	c.f.r = r
	err := c.run()
	if ferr := c.out.Flush(); err == nil {
		err = ferr
	}
	return err
}

// csvStream is the state of one call to Redactor.CSV.
type csvStream struct {
	r      *Redactor
	opts   *CSVOptions
	comma  byte
	in     *bufio.Reader
	out    *bufio.Writer
	header bool // the header has been read
	col    int
	kinds  []detectors.Kind // per column; "" is free text
	names  []string         // per column, its name (cut short)
	raw    []byte           // the field as read
	dec    []byte           // its text
	f      fields

	long *Writer // redacts a long field as it streams, or nil
}

// maxCSVColumns bounds the columns whose kinds are remembered.
const maxCSVColumns = 1 << 16

func (c *csvStream) run() error {
	c.sepLine()
	for {
		end, err := c.field()
		if err != nil {
			return err
		}
		switch end {
		case endField:
			c.col++
		case endRecord:
			c.col = 0
			c.header = true
			c.f.reset()
		case endInput:
			return nil
		}
	}
}

// sepLine copies to the output, as it is, a first line "sep=;" that
// spreadsheet programs write before a table's header to name its delimiter
// (see package sepline): the header is the record after it. The delimiter
// named is used when opts.Comma is zero. An error reading is left for the
// next read to return (see stickyReader).
func (c *csvStream) sepLine() {
	b, _ := c.in.Peek(sepline.MaxLen)
	n, delim := sepline.Len(b)
	if n == 0 {
		return
	}
	if c.opts.Comma == 0 {
		c.comma = delim
	}
	c.out.Write(b[:n])
	c.in.Discard(n)
}

// stickyReader returns, once its reader has returned an error, that error
// from every later Read, so that a bufio.Reader's Peek (which hands an error
// out once) cannot lose it.
type stickyReader struct {
	r   io.Reader
	err error
}

// Read reads from the reader, or returns the error it returned before.
func (s *stickyReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}

// How a field ends.
const (
	endField  = iota // at a delimiter
	endRecord        // at a line ending
	endInput         // at the end of the input
)

// peek returns the buffered input, reading more if there is none.
func (c *csvStream) peek() ([]byte, error) {
	if c.in.Buffered() == 0 {
		if _, err := c.in.Peek(1); err != nil {
			return nil, err
		}
	}
	return c.in.Peek(c.in.Buffered())
}

// field copies one field and the delimiter or line ending after it.
func (c *csvStream) field() (int, error) {
	c.raw, c.dec, c.long = c.raw[:0], c.dec[:0], nil
	buf, err := c.peek()
	if err == io.EOF {
		// The end of the input, or an empty last field after a delimiter.
		return endInput, nil
	}
	if err != nil {
		return 0, err
	}
	quoted := buf[0] == '"'
	if quoted {
		c.raw = append(c.raw, '"')
		c.in.Discard(1)
		if err := c.quoted(); err != nil {
			return 0, err
		}
	}
	// The unquoted field, or what follows a quoted one.
	for {
		buf, err := c.peek()
		if err == io.EOF {
			if err := c.emit(quoted); err != nil {
				return 0, err
			}
			return endInput, nil
		}
		if err != nil {
			return 0, err
		}
		i := 0
		for i < len(buf) && buf[i] != c.comma && buf[i] != '\n' && buf[i] != '\r' {
			i++
		}
		if err := c.text(buf[:i], buf[:i], quoted); err != nil {
			return 0, err
		}
		c.in.Discard(i)
		if i < len(buf) {
			break
		}
	}
	if err := c.emit(quoted); err != nil {
		return 0, err
	}
	b, _ := c.in.ReadByte()
	c.out.WriteByte(b)
	switch b {
	case c.comma:
		return endField, nil
	case '\r':
		if buf, err := c.in.Peek(1); err == nil && buf[0] == '\n' {
			c.in.Discard(1)
			c.out.WriteByte('\n')
		}
	}
	return endRecord, nil
}

// quoted reads the contents of a quoted field, after its opening quote, up
// to and including its closing quote. A quote that is neither doubled nor
// followed by a delimiter, a line ending or the end of the input is text.
func (c *csvStream) quoted() error {
	for {
		buf, err := c.peek()
		if err == io.EOF {
			return nil // left open: the field ends with the input
		}
		if err != nil {
			return err
		}
		i := bytes.IndexByte(buf, '"')
		if i < 0 {
			if err := c.text(buf, buf, true); err != nil {
				return err
			}
			c.in.Discard(len(buf))
			continue
		}
		if err := c.text(buf[:i], buf[:i], true); err != nil {
			return err
		}
		c.in.Discard(i)
		two, err := c.in.Peek(2)
		if len(two) < 2 {
			if err != nil && err != io.EOF {
				return err
			}
			c.in.Discard(1)
			c.raw = append(c.raw, '"')
			return nil
		}
		switch two[1] {
		case '"':
			if err := c.text(two, two[:1], true); err != nil {
				return err
			}
			c.in.Discard(2)
		case c.comma, '\r', '\n':
			c.in.Discard(1)
			c.raw = append(c.raw, '"')
			return nil
		default:
			if err := c.text(two[:1], two[:1], true); err != nil {
				return err
			}
			c.in.Discard(1)
		}
	}
}

// text adds to the field raw bytes as read and dec, the text they stand for.
// Past maxHeld bytes, the field streams through a redacting Writer.
func (c *csvStream) text(raw, dec []byte, quoted bool) error {
	if c.long == nil && len(c.raw)+len(raw) <= maxHeld {
		c.raw = append(c.raw, raw...)
		c.dec = append(c.dec, dec...)
		return nil
	}
	if c.long == nil {
		if quoted {
			c.out.WriteByte('"')
		}
		c.long = c.r.NewWriter(csvEscaper{c.out, quoted})
		if _, err := c.long.Write(c.dec); err != nil {
			return err
		}
	}
	_, err := c.long.Write(dec)
	return err
}

// emit writes the field just read.
func (c *csvStream) emit(quoted bool) error {
	if c.long != nil {
		err := c.long.Close()
		if quoted {
			c.out.WriteByte('"')
		}
		c.noteHeader(nil)
		return err
	}
	var k detectors.Kind
	if c.header && c.col < len(c.kinds) {
		k = c.kinds[c.col]
		c.f.note([]byte(c.names[c.col]), ": ")
	}
	c.noteHeader(c.dec)
	out, changed := c.f.redact(k, c.dec)
	switch {
	case !changed:
		c.out.Write(c.raw)
	case quoted || bytes.ContainsAny(out, "\"\r\n") || bytes.IndexByte(out, c.comma) >= 0:
		c.out.WriteByte('"')
		csvEscaper{c.out, true}.Write(out)
		c.out.WriteByte('"')
	default:
		c.out.Write(out)
	}
	c.f.note(c.dec, memberSep)
	return nil
}

// noteHeader records the kind of the column named name, while the header is
// read.
func (c *csvStream) noteHeader(name []byte) {
	if c.header || len(c.kinds) >= maxCSVColumns {
		return
	}
	for len(c.kinds) < c.col {
		c.kinds = append(c.kinds, "")
		c.names = append(c.names, "")
	}
	c.kinds = append(c.kinds, c.columnKind(string(name)))
	if len(name) > 4*maxKeyWord {
		name = name[:4*maxKeyWord]
	}
	c.names = append(c.names, string(name))
}

// columnKind returns the kind of the column named name.
func (c *csvStream) columnKind(name string) detectors.Kind {
	name = strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))
	if k, ok := c.opts.Columns[name]; ok {
		return k
	}
	for n, k := range c.opts.Columns {
		if strings.EqualFold(strings.TrimSpace(n), name) {
			return k
		}
	}
	k, _ := kindOfKey(name)
	return k
}

// csvEscaper writes what it is given as the contents of a CSV field,
// doubling quotes when the field is quoted.
type csvEscaper struct {
	w      *bufio.Writer
	quoted bool
}

// Write appends p to the output, escaped for a quoted CSV field.
func (e csvEscaper) Write(p []byte) (int, error) {
	if !e.quoted {
		return e.w.Write(p)
	}
	n := len(p)
	for {
		i := bytes.IndexByte(p, '"')
		if i < 0 {
			e.w.Write(p)
			return n, nil
		}
		e.w.Write(p[:i+1])
		e.w.WriteByte('"')
		p = p[i+1:]
	}
}
