//go:build race

package main

// raceEnabled says that the tests run with the race detector, so that TestMain
// builds scrub with it too.
const raceEnabled = true
