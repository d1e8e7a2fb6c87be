// Command slog shows kavach in a log/slog pipeline: it replays application
// events through two loggers, one whose handler is wrapped by
// redact.Redactor.Handler and one whose built-in handler redacts through
// redact.Redactor.ReplaceAttr, and prints both logs.
//
// Usage:
//
//	go run ./examples/slog [FILE]
//
// FILE holds one event per line as a JSON object with "level", "msg" and any
// other attributes; with no FILE the program replays the events it ships
// (testdata/events.jsonl, embedded in the program). Numbers stay numbers on
// the way in, so {"mobile": 9876543210} is logged as slog.Int64("mobile",
// 9876543210), and nested objects become groups. Times are left out of the
// log so that the output is the same on every run.
package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"sort"

	"github.com/kavach-dev/kavach/redact"
)

//go:embed testdata/events.jsonl
var shipped []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	data := shipped
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: slog [FILE]")
		return 2
	}
	if len(args) == 1 {
		var err error
		if data, err = os.ReadFile(args[0]); err != nil {
			fmt.Fprintf(stderr, "slog: %v\n", err)
			return 2
		}
	}
	events, err := parse(data)
	if err != nil {
		fmt.Fprintf(stderr, "slog: %v\n", err)
		return 2
	}
	red := redact.Default
	noTime := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}

	fmt.Fprintln(stdout, "# JSON handler wrapped by Redactor.Handler (logger.With(\"service\", \"kyc\"))")
	wrapped := slog.New(red.Handler(slog.NewJSONHandler(stdout, &slog.HandlerOptions{ReplaceAttr: noTime})))
	replay(wrapped.With("service", "kyc"), events)

	fmt.Fprintln(stdout, "# text handler with Redactor.ReplaceAttr")
	text := slog.New(slog.NewTextHandler(stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			return red.ReplaceAttr(groups, noTime(groups, a))
		},
	}))
	replay(text, events)

	// The standard log package, and any logger that writes to an io.Writer
	// (zap, zerolog, logrus sinks): wrap the writer, in one line. A process's
	// own stderr log is log.SetOutput(redact.Default.NewWriter(os.Stderr)).
	fmt.Fprintln(stdout, "# the standard log package writing through Redactor.NewWriter")
	w := red.NewWriter(stdout)
	std := log.New(w, "kyc: ", 0)
	for _, e := range events {
		std.Println(e.line())
	}
	if err := w.Close(); err != nil {
		fmt.Fprintf(stderr, "slog: %v\n", err)
		return 1
	}

	fmt.Fprintf(stderr, "slog: replayed %d events through three loggers\n", len(events))
	return 0
}

// event is one line of the input.
type event struct {
	level slog.Level
	msg   string
	attrs []slog.Attr
}

func parse(data []byte) ([]event, error) {
	var events []event
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		d := json.NewDecoder(bytes.NewReader(line))
		d.UseNumber()
		var m map[string]any
		if err := d.Decode(&m); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		var e event
		if s, ok := m["level"].(string); ok {
			if err := e.level.UnmarshalText([]byte(s)); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
		}
		e.msg, _ = m["msg"].(string)
		delete(m, "level")
		delete(m, "msg")
		e.attrs = attrs(m)
		events = append(events, e)
	}
	return events, sc.Err()
}

// attrs turns a JSON object into attributes, in the order of their keys.
func attrs(m map[string]any) []slog.Attr {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var as []slog.Attr
	for _, k := range keys {
		as = append(as, attr(k, m[k]))
	}
	return as
}

func attr(k string, v any) slog.Attr {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return slog.Int64(k, i)
		}
		f, _ := v.Float64()
		return slog.Float64(k, f)
	case string:
		if k == "error" {
			return slog.Any(k, fmt.Errorf("%s", v))
		}
		return slog.String(k, v)
	case map[string]any:
		return slog.Attr{Key: k, Value: slog.GroupValue(attrs(v)...)}
	}
	return slog.Any(k, v)
}

func replay(l *slog.Logger, events []event) {
	for _, e := range events {
		l.LogAttrs(context.Background(), e.level, e.msg, e.attrs...)
	}
}

// line renders an event the way a printf-style logger would: the message,
// then key=value pairs (groups as key.sub=value).
func (e event) line() string {
	var b bytes.Buffer
	b.WriteString(e.msg)
	var add func(prefix string, as []slog.Attr)
	add = func(prefix string, as []slog.Attr) {
		for _, a := range as {
			if a.Value.Kind() == slog.KindGroup {
				add(prefix+a.Key+".", a.Value.Group())
				continue
			}
			fmt.Fprintf(&b, " %s%s=%v", prefix, a.Key, a.Value)
		}
	}
	add("", e.attrs)
	return b.String()
}
