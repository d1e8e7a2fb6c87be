// Command scrub masks Indian personal identifiers (Aadhaar numbers and VIDs,
// PANs, passport numbers, voter IDs and mobile numbers) in text, or reports
// where they are.
//
// Usage:
//
//	go run ./examples/scrub [flags] [FILE ...]
//
// It reads the named files in order, or standard input when none is named, and
// streams: its memory does not grow with the size of the input or the length
// of a line. Without flags it writes the text to standard output with every
// identifier masked by the default policy ("2345 6789 0124" becomes
// "XXXX XXXX 0124").
//
// The flags:
//
//	-report          write no text; write one JSON object per finding per line:
//	                 {"file":"app.log","type":"aadhaar","start":123,"end":137,"score":0.97}
//	                 start and end are byte offsets into that input, end
//	                 exclusive; "file" is there when files are named. The
//	                 identifier itself is never written.
//	-check           write no text; print a summary per input on standard error
//	                 and exit with status 1 when anything is found, 0 when not.
//	-policy FILE     read the policy from a JSON file (see the README).
//	-min-score X     act on findings with a score of X or more, 0 <= X <= 1;
//	                 overrides the policy's min_score.
//	-in-place        rewrite each named file with its redacted text, through a
//	                 temporary file in the same directory that replaces the
//	                 original only when it is complete; the file mode is kept.
//
// The exit status is 0 on success, 1 when -check finds something and 2 on any
// error (a file that cannot be read, a bad policy, a failed write), which is
// described in one line on standard error.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/redact"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFound = 1 // -check found something
	exitError = 2
)

// ioBufSize is the size of the output buffers and of the scan buffer of
// -report and -check. It must be well above detectors.MaxLookahead.
const ioBufSize = 64 << 10

func main() {
	// A write to a closed pipe is an error to report like any other (exit
	// status 2 and a message), not a signal that kills the process.
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options holds the parsed command line.
type options struct {
	report   bool
	check    bool
	inPlace  bool
	policy   string
	minScore *float64 // nil when -min-score is not given
	files    []string
}

// run runs the command and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opt, err := parseArgs(args, stdout)
	if err == flag.ErrHelp {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "scrub: %v\n", err)
		return exitError
	}
	status, err := opt.run(stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "scrub: %v\n", err)
		return exitError
	}
	return status
}

const usageHead = `Usage: scrub [flags] [FILE ...]

scrub masks Indian personal identifiers (Aadhaar numbers and VIDs, PANs,
passport numbers, voter IDs and mobile numbers) in text. It reads the named
files in order, or standard input when none is named, and writes the redacted
text to standard output. It streams: memory does not grow with the size of the
input or the length of a line.

Flags:
`

const usageTail = `
Examples:
  scrub app.log > app.redacted.log       mask with the default policy
  kubectl logs deploy/api | scrub        mask a stream
  scrub -report access.log               where is what (JSON lines, no identifiers)
  scrub -check export.json && upload export.json
                                         refuse to publish a file that holds any
  scrub -min-score 0.8 app.log           act only on confident findings
  scrub -policy policy.json -in-place exports/*.csv
                                         rewrite files under a custom policy

Exit status: 0 on success (with -check: nothing found), 1 when -check finds
something, 2 on any error (one line on standard error, prefixed "scrub: ").
`

// parseArgs parses the command line. For -h it prints the usage to stdout and
// returns flag.ErrHelp.
func parseArgs(args []string, stdout io.Writer) (*options, error) {
	var opt options
	fs := flag.NewFlagSet("scrub", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opt.report, "report", false,
		"write no text; write one JSON object per finding per line:\n"+
			`{"file":"app.log","type":"aadhaar","start":123,"end":137,"score":0.97}`+"\n"+
			"(byte offsets into that input, end exclusive; \"file\" only when files\n"+
			"are named; never the identifier itself)")
	fs.BoolVar(&opt.check, "check", false,
		"write no text; print a one-line summary per input on standard error and\n"+
			"exit with status 1 when anything is found, 0 when nothing is")
	fs.StringVar(&opt.policy, "policy", "", "read the policy from the JSON `FILE` (default: mask every kind)")
	fs.Func("min-score", "act on findings scoring `X` or more, 0 <= X <= 1\n(overrides the policy's min_score; default 0.5)", func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || !(v >= 0 && v <= 1) {
			return errors.New("want a number from 0 to 1")
		}
		opt.minScore = &v
		return nil
	})
	fs.BoolVar(&opt.inPlace, "in-place", false,
		"rewrite each named FILE with its redacted text, through a temporary file\n"+
			"in the same directory that replaces it only when complete; keeps the mode")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fs.SetOutput(stdout)
			fmt.Fprint(stdout, usageHead)
			fs.PrintDefaults()
			fmt.Fprint(stdout, usageTail)
			return nil, err
		}
		return nil, fmt.Errorf("%v (see scrub -h)", err)
	}
	opt.files = fs.Args()
	if opt.inPlace {
		if opt.report || opt.check {
			return nil, errors.New("-in-place cannot be combined with -report or -check")
		}
		if len(opt.files) == 0 {
			return nil, errors.New("-in-place needs at least one FILE: it cannot rewrite standard input")
		}
	}
	return &opt, nil
}

// run does the work and returns the exit status, or an error.
func (opt *options) run(stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	pol := redact.DefaultPolicy()
	if opt.policy != "" {
		// Errors name the file, and the line and column where it must be
		// fixed: policy.json:3:5: unknown field "acton".
		p, err := redact.LoadPolicy(opt.policy)
		if err != nil {
			return 0, err
		}
		pol = p
	}
	if opt.minScore != nil {
		pol.MinScore = opt.minScore
	}
	r, err := redact.New(pol)
	if err != nil {
		if opt.policy != "" {
			err = fmt.Errorf("%s: %w", opt.policy, err)
		}
		return 0, err
	}
	switch {
	case opt.report || opt.check:
		return opt.scan(pol, stdin, stdout, stderr)
	case opt.inPlace:
		for _, name := range opt.files {
			if err := rewrite(r, name); err != nil {
				return 0, err
			}
		}
		return exitOK, nil
	}
	out := bufio.NewWriterSize(stdout, ioBufSize)
	err = eachInput(opt.files, stdin, func(_ string, in io.Reader) error {
		return redactStream(r, out, in)
	})
	if err != nil {
		return 0, err
	}
	return exitOK, out.Flush()
}

// eachInput calls f for each named file in turn, or once for stdin when no
// file is named. It stops at the first error.
func eachInput(files []string, stdin io.Reader, f func(name string, in io.Reader) error) error {
	if len(files) == 0 {
		return f("", stdin)
	}
	for _, name := range files {
		in, err := os.Open(name)
		if err != nil {
			return err
		}
		err = f(name, in)
		in.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// redactStream copies src to dst through a redacting Writer of its own, so
// that each input is a stream of its own (a CSV header, offsets and context do
// not carry over from one file to the next).
func redactStream(r *redact.Redactor, dst io.Writer, src io.Reader) error {
	w := r.NewWriter(dst)
	if _, err := io.Copy(w, src); err != nil {
		return err
	}
	return w.Close()
}

// rewrite replaces the file name with its redacted text. The text goes to a
// temporary file in the same directory, which is synced to disk, given the
// mode of the original and renamed over it: a reader of name sees the old
// contents or the new, never a part. A symbolic link is followed and its
// target rewritten.
func rewrite(r *redact.Redactor, name string) (err error) {
	path, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; -in-place rewrites regular files only", name)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".scrub-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	out := bufio.NewWriterSize(tmp, ioBufSize)
	if err := redactStream(r, out, in); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if err := tmp.Chmod(fi.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Make the rename durable too. Not every system can sync a directory;
	// the file itself is complete either way.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// scan runs -report and -check.
func (opt *options) scan(pol redact.Policy, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	f, err := newFilter(pol)
	if err != nil {
		return 0, err
	}
	sc := f.set.NewScanner()
	out := bufio.NewWriterSize(stdout, ioBufSize)
	status := exitOK
	var line []byte
	err = eachInput(opt.files, stdin, func(name string, in io.Reader) error {
		var qname []byte
		if name != "" {
			qname = appendJSONString(nil, name)
		}
		counts := map[detectors.Kind]int{}
		sc.Reset()
		err := scanStream(sc, in, ioBufSize, f.identifier, func(h finding) error {
			counts[h.kind]++
			if !opt.report {
				return nil
			}
			line = appendReport(line[:0], qname, h)
			_, err := out.Write(line)
			return err
		})
		if err != nil {
			return err
		}
		if opt.check {
			if len(counts) > 0 {
				status = exitFound
			}
			if name == "" {
				name = "stdin"
			}
			fmt.Fprintf(stderr, "%s: %s\n", name, summary(counts))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if err := out.Flush(); err != nil {
		return 0, err
	}
	return status, nil
}

// filter decides, as redact.Redactor.Scan does, which findings of a stream
// are identifiers under a policy: those at or above the threshold whose value
// is not on the allow list, and every span a detector could not decide about.
type filter struct {
	set *detectors.Set
	min float64
	// allow is nil when the policy allows nothing. Otherwise it is a
	// Redactor that masks every letter and digit of whatever it does not
	// allow, so that a value is allowed when its replacement is the value
	// itself.
	allow *redact.Redactor
}

func newFilter(pol redact.Policy) (*filter, error) {
	f := &filter{set: pol.Detectors, min: detectors.DefaultThreshold}
	if pol.MinScore != nil {
		f.min = *pol.MinScore
	}
	if f.set == nil {
		// The detectors redact uses for the policy.
		f.set = detectors.Default
		if len(pol.Custom) > 0 {
			set, err := detectors.New(detectors.Config{Custom: pol.Custom})
			if err != nil {
				return nil, err
			}
			f.set = set
		}
	}
	if len(pol.Allow) > 0 {
		none := 0
		r, err := redact.New(redact.Policy{
			Default:   redact.Rule{Action: redact.ActionMask, Keep: &none},
			Allow:     pol.Allow,
			Detectors: f.set,
		})
		if err != nil {
			return nil, err
		}
		f.allow = r
	}
	return f, nil
}

// identifier reports whether the finding fd, whose text is value, is an
// identifier.
func (f *filter) identifier(fd detectors.Finding, value []byte) bool {
	switch {
	case fd.Err != nil:
		return true
	case fd.Score < f.min:
		return false
	case f.allow != nil:
		v := string(value)
		return f.allow.Replacement(fd.Kind, v) != v
	}
	return true
}

// finding is a detectors.Finding with offsets from the start of a stream.
type finding struct {
	kind       detectors.Kind
	start, end int64
	score      float64
}

// scanStream reads src to its end through sc and calls emit for each finding
// that identifier accepts, with offsets from the start of src. Its memory is
// one buffer of bufSize bytes, which must be well above
// detectors.MaxLookahead.
func scanStream(sc *detectors.Scanner, src io.Reader, bufSize int, identifier func(detectors.Finding, []byte) bool, emit func(finding) error) error {
	buf := make([]byte, bufSize)
	var found []detectors.Finding
	var base int64 // stream offset of buf[0]
	m := 0         // bytes held in buf
	eof := false
	for {
		// Read until a good piece of new input has arrived (or the buffer
		// is full, or the input ends), so that a reader that returns a
		// byte at a time does not cause a scan per byte.
		for fresh := 0; fresh < 4096 && m < len(buf) && !eof; {
			k, err := src.Read(buf[m:])
			m += k
			fresh += k
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return err
			}
		}
		var n int
		found, n = sc.Scan(found[:0], buf[:m], eof)
		for _, f := range found {
			if !identifier(f, buf[f.Start:f.End]) {
				continue
			}
			h := finding{f.Kind, base + int64(f.Start), base + int64(f.End), f.Score}
			if err := emit(h); err != nil {
				return err
			}
		}
		if eof {
			return nil
		}
		if n == 0 && m == len(buf) {
			return errors.New("internal error: the detectors hold back more input than they promise")
		}
		sc.Commit(buf[:m], n)
		base += int64(n)
		m = copy(buf, buf[n:m])
	}
}

// appendReport appends the JSON line that reports f. qname is the file name
// as a JSON string, or empty for standard input.
func appendReport(b, qname []byte, f finding) []byte {
	b = append(b, '{')
	if len(qname) > 0 {
		b = append(b, `"file":`...)
		b = append(b, qname...)
		b = append(b, ',')
	}
	b = append(b, `"type":`...)
	b = appendJSONString(b, string(f.kind))
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, f.start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, f.end, 10)
	b = append(b, `,"score":`...)
	b = strconv.AppendFloat(b, f.score, 'f', -1, 64)
	return append(b, "}\n"...)
}

// appendJSONString appends s as a JSON string. Bytes that are not UTF-8
// become U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

// summary describes counts in one line: "12 findings (aadhaar 3, mobile 9)".
func summary(counts map[detectors.Kind]int) string {
	if len(counts) == 0 {
		return "no findings"
	}
	total := 0
	var kinds []detectors.Kind
	for k, n := range counts {
		total += n
		kinds = append(kinds, k)
	}
	// Built-in kinds in their fixed order, then any others by name.
	order := detectors.Kinds()
	slices.SortFunc(kinds, func(a, b detectors.Kind) int {
		ia, ib := slices.Index(order, a), slices.Index(order, b)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(string(a), string(b))
	})
	var b strings.Builder
	b.WriteString(strconv.Itoa(total))
	if total == 1 {
		b.WriteString(" finding (")
	} else {
		b.WriteString(" findings (")
	}
	for i, k := range kinds {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, counts[k])
	}
	b.WriteString(")")
	return b.String()
}
