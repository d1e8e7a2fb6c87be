// Package detectors finds Indian personal identifiers (Aadhaar, Aadhaar VID, PAN,
// passport, voter ID and mobile numbers) in text, in one pass over the bytes.
//
// A [Set] is compiled configuration: immutable and safe for concurrent use by
// multiple goroutines. A [Scanner] holds the state of one stream and must not be
// shared. [Set.Find] is the one-shot form.
//
// Findings carry the kind, the byte offsets and a confidence score in [0, 1]; they
// never carry the identifier itself.
package detectors

import "errors"

// Kind names a kind of identifier. The names of the built-in kinds are stable:
// they appear in reports, policy files, statistics and placeholders.
type Kind string

// The built-in kinds.
const (
	Aadhaar    Kind = "aadhaar"     // Aadhaar number: 12 digits, Verhoeff, first digit 2-9
	AadhaarVID Kind = "aadhaar_vid" // Aadhaar Virtual ID: 16 digits, Verhoeff
	PAN        Kind = "pan"         // Permanent Account Number: AAAAA9999A
	Passport   Kind = "passport"    // Indian passport number: a letter and 7 digits, or an MRZ
	VoterID    Kind = "voter_id"    // EPIC (voter ID) number: 3 letters and 7 digits
	Mobile     Kind = "mobile"      // Indian mobile number: 10 digits starting 6-9
)

// Kinds returns the built-in kinds in a fixed order.
func Kinds() []Kind {
	return []Kind{Aadhaar, AadhaarVID, PAN, Passport, VoterID, Mobile}
}

// DefaultThreshold is the score at or above which a finding is treated as an
// identifier when the caller does not choose a threshold.
const DefaultThreshold = 0.5

// ErrTimeout is the error carried by a [Finding] whose span could not be decided
// because a custom pattern ran out of time. The span is reported so that callers
// can fail closed and mask it.
var ErrTimeout = errors.New("detectors: custom pattern timed out")

// Finding is one identifier found in text. It holds where the identifier is and
// how sure the detector is, never the identifier itself.
type Finding struct {
	Kind  Kind
	Start int     // byte offset of the first byte of the identifier
	End   int     // byte offset just past the identifier
	Score float64 // confidence in [0, 1]
	// Err is nil for an ordinary finding. It is non-nil (for example ErrTimeout)
	// when a detector could not decide about the span and reports it so that the
	// caller fails closed.
	Err error
}
