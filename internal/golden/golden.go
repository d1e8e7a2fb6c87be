// Package golden holds the -update flag shared by the tests of every package,
// so that `go test ./... -update` is accepted everywhere and rewrites the
// golden files of the packages that have them.
package golden

import "flag"

// Update reports whether the tests should rewrite their golden files instead
// of comparing with them (`go test ./... -update`).
var Update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")
