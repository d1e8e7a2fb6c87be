// Package redact masks the identifiers that package detectors finds, following a
// Policy, in strings, byte slices and streams: an io.Writer for log sinks, an
// io.Reader for upload bodies and a golang.org/x/text/transform.Transformer that
// chains with the other transformers of x/text.
//
// A Redactor is compiled from a Policy. It is immutable and safe for concurrent
// use by multiple goroutines; each stream gets its own state from it ([Writer],
// [Reader], [Transformer]), which must not be shared.
//
// # What happens to an identifier
//
// Every finding of package detectors whose score is at or above the policy's
// threshold is an identifier. Unless its value is on the policy's allow list,
// the rule for its kind decides what replaces it:
//
//   - [ActionMask] (the default) keeps separators and the last four letters or
//     digits and replaces the others with 'X': "2345 6789 0124" becomes
//     "XXXX XXXX 0124" and "+91 98765 43210" becomes "+91 XXXXX X3210".
//   - [ActionLabel] writes the kind: "[AADHAAR]", "[MOBILE]".
//   - [ActionToken] writes a keyed pseudonym, the same for every written form
//     of the same value: "[MOBILE:3f9a0c1d2b4e5f60]". See [ActionToken] for the
//     exact format.
//   - [ActionKeep] leaves it as it is.
//
// Everything else, including text with no identifier, invalid UTF-8 and NUL
// bytes, is copied byte for byte.
//
// # Failing closed
//
// A finding that carries an error (detectors.Finding.Err, for example
// detectors.ErrTimeout from a custom pattern) is a span the detectors could not
// decide about. It is always masked, every letter and digit of it, whatever the
// policy and the allow list say, and it is counted in [Stats.Failed]; the first
// such error is in [Stats.Err].
//
// # Streams
//
// A stream gives byte for byte the output that the one-shot [Redactor.String]
// and [Redactor.Bytes] give for the whole input, however the input is cut into
// pieces. To do so it holds back the few bytes at the end of what it has seen
// that an identifier arriving next could still be part of: never more than
// detectors.MaxLookahead bytes plus one UTF-8 sequence.
package redact

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kavach-dev/kavach/detectors"
)

// Action says what happens to an identifier.
type Action string

// The actions.
const (
	// ActionMask replaces every letter and digit of the identifier except the
	// last Keep with the mask character and leaves separators, zero-width
	// characters and everything around the identifier as they are:
	// "2345 6789 0124" becomes "XXXX XXXX 0124". A digit of another script
	// ("२") or a full-width one becomes one mask character. The empty Action
	// means ActionMask.
	ActionMask Action = "mask"
	// ActionLabel replaces the identifier with a label, by default the kind in
	// upper case in brackets: "[AADHAAR]", "[AADHAAR_VID]", "[PAN]",
	// "[PASSPORT]", "[VOTER_ID]", "[MOBILE]".
	ActionLabel Action = "label"
	// ActionToken replaces the identifier with a pseudonym keyed with
	// Policy.Key: the same value gives the same token however it is written
	// (spaces, hyphens, Devanagari or full-width digits, lower-case letters),
	// and different values or kinds give different tokens.
	//
	// The token is "[", the kind in upper case, ":", 16 lower-case hex digits
	// and "]", for example "[MOBILE:3f9a0c1d2b4e5f60]". The hex digits are the
	// first 64 bits of
	//
	//	HMAC-SHA256(key, kind || 0x00 || canonical)
	//
	// where kind is the lower-case kind name ("mobile") and canonical is the
	// identifier's letters and digits only, folded to ASCII upper-case letters
	// and ASCII digits ("9876543210", "ABCPD1234Z"); for a passport written as
	// a machine-readable zone it is the document number field. So that a token
	// can never read as a number the detectors would find again, a token is
	// never made of decimal digits only: in the rare case (about 1 value in
	// 1,850) that the first 16 hex digits of the MAC are all decimal, the next
	// 16 are taken, and so on through the 64 hex digits of the MAC; should all
	// four windows be decimal, the first digit of the first window, d, is
	// written as the letter 'a'+d%6.
	//
	// There is no unkeyed form: there are only about 10^11 Aadhaar numbers and
	// 4·10^9 mobile numbers, so a plain hash is reversed by trying them all.
	ActionToken Action = "token"
	// ActionKeep leaves the identifier as it is. It is still counted in
	// [Stats.Found] and reported by [Redactor.Scan].
	ActionKeep Action = "keep"
)

// Rule is the action for one kind.
type Rule struct {
	// Action is what happens to the identifier. Empty means ActionMask.
	Action Action `json:"action,omitempty"`
	// Keep is the number of trailing letters and digits ActionMask leaves
	// visible. Nil means 4. It is an error for other actions.
	Keep *int `json:"keep,omitempty"`
	// Char is the mask character for ActionMask: exactly one character, not a
	// digit. Empty means "X". It is an error for other actions.
	Char string `json:"char,omitempty"`
	// Label is the replacement for ActionLabel. Empty means the kind in upper
	// case in brackets: "[AADHAAR]", "[VOTER_ID]". It must not itself hold an
	// identifier. It is an error for other actions.
	Label string `json:"label,omitempty"`
}

// Policy says what to find and what to do with it. The zero Policy is the
// default: mask every built-in kind, keeping the last four letters or digits.
//
// A Policy is plain data; [New] checks and compiles it. [ParsePolicy] reads one
// from JSON:
//
//	{
//	  "min_score": 0.5,
//	  "default": {"action": "mask", "keep": 4, "char": "X"},
//	  "kinds": {
//	    "pan":    {"action": "label", "label": "[PAN]"},
//	    "mobile": {"action": "token"}
//	  },
//	  "allow": ["ABCPD1234Z"],
//	  "key_env": "KAVACH_TOKEN_KEY",
//	  "custom": [{"kind": "employee_id", "pattern": "EMP-[0-9]{6}", "max_len": 10}]
//	}
type Policy struct {
	// Default is the rule for the kinds that Kinds does not name. A rule in
	// Kinds replaces it as a whole: its fields are not merged with Default's.
	Default Rule `json:"default"`
	// Kinds holds a rule per kind: a built-in kind or a kind of Custom.
	Kinds map[detectors.Kind]Rule `json:"kinds,omitempty"`
	// MinScore is the score at or above which a finding is an identifier, in
	// [0, 1]. Nil means detectors.DefaultThreshold.
	MinScore *float64 `json:"min_score,omitempty"`
	// Allow lists values left as they are, compared in canonical form: only
	// letters and digits, folded to ASCII upper case, so that "abcpd 1234 z"
	// allows "ABCPD1234Z" and "+91 98765 43210" allows 9876543210 however it
	// is written. A span that a detector failed on is masked even if allowed.
	Allow []string `json:"allow,omitempty"`
	// Custom lists user-defined detectors, compiled with the built-in ones
	// (see detectors.Custom). Their kinds may be named in Kinds. It must be
	// empty when Detectors is set. In a policy file each is an object:
	//
	//	{"kind": "employee_id", "pattern": "EMP-[0-9]{6}", "max_len": 10,
	//	 "context": ["employee"], "score": 0.6, "timeout": "50ms",
	//	 "ignore_case": false}
	//
	// where kind, pattern and max_len are required.
	Custom []detectors.Custom `json:"-"`
	// KeyEnv names the environment variable that holds the key for
	// ActionToken, read by [New] when Key is nil. A policy file names the
	// variable, never the key.
	KeyEnv string `json:"key_env,omitempty"`
	// Key is the secret for ActionToken: at least 16 bytes. There is no
	// unkeyed hash: there are only about 10^11 Aadhaar numbers.
	Key []byte `json:"-"`
	// Detectors chooses the detectors; nil means detectors.Default (with
	// Custom added when it is not empty).
	Detectors *detectors.Set `json:"-"`
}

// MinKeyLen is the shortest key, in bytes, that [ActionToken] accepts.
const MinKeyLen = 16

// maxLabel bounds the length of a label, in bytes, so that a replacement
// always fits in the buffers of a stream.
const maxLabel = 256

// DefaultPolicy returns the contract's default policy: every kind is masked
// in the style of UIDAI's masked Aadhaar, every letter and digit but the last
// four becoming 'X', at the default threshold.
func DefaultPolicy() Policy {
	return Policy{Default: Rule{Action: ActionMask}}
}

// StrictPolicy returns a policy for text that leaves the organisation: every
// kind is replaced with its label ("[AADHAAR]"), at the lower threshold 0.3,
// so that identifiers without a context word are caught too.
func StrictPolicy() Policy {
	min := 0.3
	return Policy{Default: Rule{Action: ActionLabel}, MinScore: &min}
}

// PseudonymPolicy returns a policy that replaces every identifier with a
// token keyed with key (see [ActionToken]), so that records about the same
// person can still be joined. [New] rejects a key shorter than [MinKeyLen]
// bytes. The key is copied.
func PseudonymPolicy(key []byte) Policy {
	return Policy{Default: Rule{Action: ActionToken}, Key: bytes.Clone(key)}
}

// PolicyError reports a policy that cannot be used, at the line and column of
// the policy file where it must be fixed.
type PolicyError struct {
	File   string // the file name, set by LoadPolicy; empty for ParsePolicy
	Line   int    // 1-based line
	Column int    // 1-based column, in characters
	Msg    string
}

// Error returns the error in the form "file:line:column: message", or
// "line L, column C: message" when there is no file name.
func (e *PolicyError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// ParsePolicy reads a policy from JSON (see [Policy] for the schema). Unknown
// fields, values of the wrong type and values that cannot be used (an unknown
// action or kind, a negative keep, a min_score outside [0, 1], a char that is
// not exactly one character, a token action without key_env) are errors of
// type *[PolicyError] that name the line and column. The key itself is read
// from the environment by [New].
func ParsePolicy(data []byte) (Policy, error) {
	var pf policyFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pf); err != nil {
		return Policy{}, decodeError(data, err)
	}
	if off, ok := trailing(data, dec.InputOffset()); ok {
		return Policy{}, posError(data, off, "unexpected data after the policy")
	}
	p, pe := pf.policy()
	if pe == nil {
		pe = p.check(true)
	}
	if pe != nil {
		off := locate(data, pe.path, pe.key)
		return Policy{}, posError(data, off, pe.String())
	}
	return p, nil
}

// LoadPolicy reads the policy file at path with [ParsePolicy]; errors name
// the file: "policy.json:3:5: unknown field "acton"".
func LoadPolicy(path string) (Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Policy{}, err
	}
	p, err := ParsePolicy(data)
	if pe, ok := err.(*PolicyError); ok {
		pe.File = path
	}
	return p, err
}

// trailing reports the offset of the first byte after off that is not white
// space.
func trailing(data []byte, off int64) (int64, bool) {
	for i := int(off); i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return int64(i), true
		}
	}
	return 0, false
}

// decodeError turns an error of encoding/json into a *PolicyError.
func decodeError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return posError(data, 0, "empty policy")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return posError(data, int64(len(data)), "unexpected end of JSON input")
	case errors.As(err, &syn):
		// Offset is just past the offending byte.
		return posError(data, max(syn.Offset-1, 0), trimJSON(syn.Error()))
	case errors.As(err, &typ):
		off, path := valueAt(data, typ.Offset)
		if path == "" {
			path = strings.TrimPrefix(typ.Field, "Policy.")
		}
		what := "a " + typ.Value
		if typ.Value == "array" || typ.Value == "object" {
			what = "an " + typ.Value
		}
		want := typeName(typ)
		if path != "" {
			return posError(data, off, fmt.Sprintf("%s: got %s, want %s", path, what, want))
		}
		return posError(data, off, fmt.Sprintf("got %s, want %s", what, want))
	}
	msg := trimJSON(err.Error())
	if name, ok := unknownField(msg); ok {
		return posError(data, unknownFieldOffset(data, name), msg)
	}
	return posError(data, 0, msg)
}

func trimJSON(s string) string {
	if len(s) > 6 && s[:6] == "json: " {
		return s[6:]
	}
	return s
}

// typeName describes the Go type an UnmarshalTypeError wanted in the words of
// a policy file.
func typeName(e *json.UnmarshalTypeError) string {
	switch e.Type.Kind().String() {
	case "int", "int64", "int32":
		return "an integer"
	case "float64", "float32":
		return "a number"
	case "string":
		return "a string"
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return e.Type.String()
}

// unknownField extracts the name from `unknown field "name"`.
func unknownField(msg string) (string, bool) {
	const prefix = "unknown field "
	if len(msg) <= len(prefix) || msg[:len(prefix)] != prefix {
		return "", false
	}
	name, err := strconv.Unquote(msg[len(prefix):])
	return name, err == nil
}

// posError builds a *PolicyError for the byte offset off of data.
func posError(data []byte, off int64, msg string) *PolicyError {
	line, col := lineCol(data, int(off))
	return &PolicyError{Line: line, Column: col, Msg: msg}
}

// lineCol returns the 1-based line and column (in characters) of byte offset
// off in data.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	head := data[:off]
	line = 1 + bytes.Count(head, []byte{'\n'})
	if i := bytes.LastIndexByte(head, '\n'); i >= 0 {
		head = head[i+1:]
	}
	return line, 1 + utf8.RuneCount(head)
}

// problem is a policy value that cannot be used, with the path of the value in
// the JSON form ("kinds.pan.keep", "allow[2]").
type problem struct {
	path string
	key  bool // the problem is the key at path, not its value
	msg  string
}

// String describes the problem for an error message.
func (p *problem) String() string {
	if p.path == "" {
		return p.msg
	}
	return p.path + ": " + p.msg
}

// check validates p. file reports that p comes from a policy file, where the
// key can only come from the environment.
func (p *Policy) check(file bool) *problem {
	if p.MinScore != nil {
		if m := *p.MinScore; math.IsNaN(m) || m < 0 || m > 1 {
			return &problem{path: "min_score", msg: fmt.Sprintf("%v is outside [0, 1]", m)}
		}
	}
	if p.Detectors != nil && len(p.Custom) > 0 {
		return &problem{path: "custom", msg: "custom detectors cannot be added to a given detector set"}
	}
	custom := map[detectors.Kind]bool{}
	for i, c := range p.Custom {
		if pr := checkCustom(i, c); pr != nil {
			return pr
		}
		custom[c.Kind] = true
	}
	token := false
	if pr := checkRule(&p.Default, "default", ""); pr != nil {
		return pr
	}
	token = p.Default.Action == ActionToken
	for _, k := range slices.Sorted(maps.Keys(p.Kinds)) {
		path := "kinds." + string(k)
		if builtinIndex(k) < 0 && !custom[k] {
			// A detector set given in Go may detect kinds this package
			// cannot list; accept any well-formed name then.
			if p.Detectors == nil || !validKindName(k) {
				return &problem{path: path, key: true, msg: fmt.Sprintf("unknown kind %q", k)}
			}
		}
		r := p.Kinds[k]
		if pr := checkRule(&r, path, k); pr != nil {
			return pr
		}
		token = token || r.Action == ActionToken
	}
	if token && p.Key == nil && p.KeyEnv == "" {
		msg := "the token action needs a key: set Policy.Key or Policy.KeyEnv"
		if file {
			msg = `the token action needs "key_env", the environment variable that holds the key`
		}
		return &problem{path: tokenPath(p), msg: msg}
	}
	for i, a := range p.Allow {
		if len(appendCanonical(nil, []byte(a))) == 0 {
			return &problem{path: fmt.Sprintf("allow[%d]", i), msg: fmt.Sprintf("%q has no letters or digits", a)}
		}
	}
	return nil
}

// checkCustom compiles the custom detector c, the i-th of the policy, on its
// own, to tell which one is wrong.
func checkCustom(i int, c detectors.Custom) *problem {
	path := fmt.Sprintf("custom[%d]", i)
	if _, err := detectors.New(detectors.Config{Kinds: []detectors.Kind{}, Custom: []detectors.Custom{c}}); err != nil {
		msg := err.Error()
		var ce *detectors.ConfigError
		if errors.As(err, &ce) {
			msg = ce.Msg
		}
		field := ""
		switch {
		case strings.Contains(msg, "MaxLen"):
			field = ".max_len"
		case strings.Contains(msg, "Score"):
			field = ".score"
		case strings.Contains(msg, "Timeout"):
			field = ".timeout"
		case strings.Contains(msg, "ontext"):
			field = ".context"
		case !validKindName(c.Kind) || builtinIndex(c.Kind) >= 0:
			field = ".kind"
		default:
			field = ".pattern"
		}
		return &problem{path: path + field, msg: fmt.Sprintf("custom detector %q: %s", c.Kind, msg)}
	}
	return nil
}

// policyFile is the form of a Policy in a policy file.
type policyFile struct {
	Policy
	Custom []customFile `json:"custom,omitempty"`
}

// customFile is the form of a detectors.Custom in a policy file.
type customFile struct {
	Kind       detectors.Kind `json:"kind"`
	Pattern    string         `json:"pattern"`
	MaxLen     int            `json:"max_len"`
	Context    []string       `json:"context,omitempty"`
	Score      float64        `json:"score,omitempty"`
	Timeout    string         `json:"timeout,omitempty"`
	IgnoreCase bool           `json:"ignore_case,omitempty"`
}

// policy converts pf to a Policy.
func (pf *policyFile) policy() (Policy, *problem) {
	p := pf.Policy
	for i, c := range pf.Custom {
		d := detectors.Custom{
			Kind: c.Kind, Pattern: c.Pattern, MaxLen: c.MaxLen, Context: c.Context,
			Score: c.Score, IgnoreCase: c.IgnoreCase,
		}
		if c.Timeout != "" {
			t, err := time.ParseDuration(c.Timeout)
			if err != nil || t <= 0 {
				return p, &problem{path: fmt.Sprintf("custom[%d].timeout", i), msg: fmt.Sprintf("%q is not a positive duration such as \"50ms\"", c.Timeout)}
			}
			d.Timeout = t
		}
		p.Custom = append(p.Custom, d)
	}
	return p, nil
}

// tokenPath returns the path of the first token action in p.
func tokenPath(p *Policy) string {
	if p.Default.Action == ActionToken {
		return "default.action"
	}
	for _, k := range slices.Sorted(maps.Keys(p.Kinds)) {
		if p.Kinds[k].Action == ActionToken {
			return "kinds." + string(k) + ".action"
		}
	}
	return ""
}

// checkRule validates the rule at path. k is the kind the rule is for, empty
// for the default rule.
func checkRule(r *Rule, path string, k detectors.Kind) *problem {
	action := r.Action
	switch action {
	case "", ActionMask, ActionLabel, ActionToken, ActionKeep:
	default:
		return &problem{path: path + ".action", msg: fmt.Sprintf("unknown action %q (want mask, label, token or keep)", action)}
	}
	if action == "" {
		action = ActionMask
	}
	if r.Keep != nil {
		if action != ActionMask {
			return &problem{path: path + ".keep", msg: fmt.Sprintf("keep is for the mask action, not %s", action)}
		}
		if *r.Keep < 0 {
			return &problem{path: path + ".keep", msg: fmt.Sprintf("keep is %d; it must not be negative", *r.Keep)}
		}
	}
	if r.Char != "" {
		if action != ActionMask {
			return &problem{path: path + ".char", msg: fmt.Sprintf("char is for the mask action, not %s", action)}
		}
		c, size := utf8.DecodeRuneInString(r.Char)
		if size != len(r.Char) || c == utf8.RuneError {
			return &problem{path: path + ".char", msg: fmt.Sprintf("char %q is not exactly one character", r.Char)}
		}
		if a, _ := detectors.Alnum([]byte(r.Char)); a >= '0' && a <= '9' {
			return &problem{path: path + ".char", msg: fmt.Sprintf("char %q is a digit: masked identifiers would read as numbers", r.Char)}
		}
	}
	if r.Label != "" {
		if action != ActionLabel {
			return &problem{path: path + ".label", msg: fmt.Sprintf("label is for the label action, not %s", action)}
		}
		if len(r.Label) > maxLabel {
			return &problem{path: path + ".label", msg: fmt.Sprintf("label is %d bytes long; the limit is %d", len(r.Label), maxLabel)}
		}
		if !utf8.ValidString(r.Label) {
			return &problem{path: path + ".label", msg: "label is not valid UTF-8"}
		}
		for _, f := range detectors.Default.FindString(nil, r.Label) {
			if f.Score >= 0.3 {
				return &problem{path: path + ".label", msg: fmt.Sprintf("label %q holds what reads as a %s", r.Label, f.Kind)}
			}
		}
	}
	return nil
}

// validKindName reports whether k is made of lower-case ASCII letters, digits
// and '_', starting with a letter.
func validKindName(k detectors.Kind) bool {
	if k == "" || len(k) > 64 || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// builtinIndex returns the index of a built-in kind, or -1.
func builtinIndex(k detectors.Kind) int {
	switch k {
	case detectors.Aadhaar:
		return 0
	case detectors.AadhaarVID:
		return 1
	case detectors.PAN:
		return 2
	case detectors.Passport:
		return 3
	case detectors.VoterID:
		return 4
	case detectors.Mobile:
		return 5
	}
	return -1
}

// numBuiltin is the number of built-in kinds.
const numBuiltin = 6
