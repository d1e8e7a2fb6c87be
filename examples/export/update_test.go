package main

// The shared -update flag, so that `go test ./... -update` runs here too.
import _ "github.com/kavach-dev/kavach/internal/golden"
