package detectors_test

import (
	"fmt"
	"log"

	"github.com/kavach-dev/kavach/detectors"
)

// employeeID finds employee IDs: "EMP-" and six digits. The word "employee"
// before one, on the same line, makes it likelier to be an ID.
var employeeID = detectors.Custom{
	Kind:     "employee_id",
	Pattern:  `\bEMP-\d{6}\b`,
	Context:  []string{"employee"},
	MaxLen:   10,
	Validate: notPlaceholder,
}

// notPlaceholder reports whether id is a real ID, not the placeholder of
// templates, which is all zeros.
func notPlaceholder(id []byte) bool {
	return string(id) != "EMP-000000"
}

func Example_customDetector() {
	set, err := detectors.New(detectors.Config{Custom: []detectors.Custom{employeeID}})
	if err != nil {
		log.Fatal(err)
	}
	text := []byte("employee EMP-104321 logged in\nticket by EMP-200917, template EMP-000000\n")
	for _, f := range set.Find(nil, text) {
		fmt.Printf("%s %q score %.2f\n", f.Kind, text[f.Start:f.End], f.Score)
	}

	// A pattern whose matches can grow without bound is refused.
	unbounded := employeeID
	unbounded.Pattern = `\bEMP-\d+`
	_, err = detectors.New(detectors.Config{Custom: []detectors.Custom{unbounded}})
	fmt.Println(err)
	// Output:
	// employee_id "EMP-104321" score 0.90
	// employee_id "EMP-200917" score 0.50
	// detectors: employee_id: pattern "\\bEMP-\\d+": a quantifier without an upper bound (*, + or {n,}) outside a lookaround
}
