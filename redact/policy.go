// Package redact masks the identifiers that package detectors finds, following a
// Policy, in strings, byte slices and streams: an io.Writer for log sinks, an
// io.Reader for upload bodies and a golang.org/x/text/transform.Transformer that
// chains with the other transformers of x/text.
//
// A Redactor is compiled from a Policy. It is immutable and safe for concurrent
// use by multiple goroutines; each stream gets its own state from it.
package redact

import (
	"github.com/kavach-dev/kavach/detectors"
)

// Action says what happens to an identifier.
type Action string

// The actions.
const (
	// ActionMask replaces every letter and digit of the identifier except the
	// last Keep with the mask character and leaves separators as they are:
	// "2345 6789 0124" becomes "XXXX XXXX 0124".
	ActionMask Action = "mask"
	// ActionLabel replaces the identifier with a label such as "[AADHAAR]".
	ActionLabel Action = "label"
	// ActionToken replaces the identifier with a keyed HMAC-SHA256 token, the
	// same for every written form of the same identifier under the same key.
	ActionToken Action = "token"
	// ActionKeep leaves the identifier as it is.
	ActionKeep Action = "keep"
)

// Rule is the action for one kind.
type Rule struct {
	Action Action `json:"action"`
	// Keep is the number of trailing letters and digits ActionMask leaves
	// visible. Nil means 4.
	Keep *int `json:"keep,omitempty"`
	// Char is the mask character for ActionMask. Empty means "X".
	Char string `json:"char,omitempty"`
	// Label is the replacement for ActionLabel. Empty means the kind in upper
	// case in brackets: "[AADHAAR]", "[VOTER_ID]".
	Label string `json:"label,omitempty"`
}

// Policy says what to find and what to do with it.
type Policy struct {
	// Default is the rule for kinds that Kinds does not name.
	Default Rule `json:"default"`
	// Kinds holds a rule per kind.
	Kinds map[detectors.Kind]Rule `json:"kinds,omitempty"`
	// MinScore is the score at or above which a finding is acted on. Nil means
	// detectors.DefaultThreshold.
	MinScore *float64 `json:"min_score,omitempty"`
	// Allow lists identifiers left as they are, compared in canonical form (any
	// written form of an allowed value is allowed).
	Allow []string `json:"allow,omitempty"`
	// Key is the secret for ActionToken: at least 16 bytes. There is no unkeyed
	// hash: there are only about 10^11 Aadhaar numbers.
	Key []byte `json:"-"`
	// Detectors chooses the detectors; nil means detectors.Default.
	Detectors *detectors.Set `json:"-"`
}
