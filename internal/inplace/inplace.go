// Package inplace appends one element to a slice in place, for the hot paths
// that append a struct per finding.
package inplace

// Append returns s with one more element and a pointer to it. The element holds
// whatever the backing array held there (the zero value when s grew), so the
// caller sets every field.
//
// Setting the fields in place is faster than appending a struct built
// whole: the compiler builds that struct on the stack with 8-byte stores and
// copies it with 16-byte loads, which must wait for the stores to reach
// memory.
func Append[T any](s []T) ([]T, *T) {
	n := len(s)
	if n == cap(s) {
		var zero T
		s = append(s, zero)
	} else {
		s = s[:n+1]
	}
	return s, &s[n]
}
