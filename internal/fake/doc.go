// Package fake generates fake Indian personal identifiers with valid check
// digits, the written forms people use for them, look-alike numbers that are
// not identifiers, and the sample inputs with ground truth kept in testdata/.
//
// Everything is deterministic: every generator draws from the *rand.Rand it is
// given, so the same seed always gives the same output. Nothing here is a real
// identifier; the numbers only have the right shape and check digits.
//
// The package is for tests and benchmarks of kavach; it is not part of the
// public API.
package fake
