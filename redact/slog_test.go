package redact_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/kavach-dev/kavach/redact"
)

func TestHandlerSlogtest(t *testing.T) {
	var buf bytes.Buffer
	h := def.Handler(slog.NewJSONHandler(&buf, nil))
	results := func() []map[string]any {
		var ms []map[string]any
		for _, line := range bytes.Split(buf.Bytes(), []byte{'\n'}) {
			if len(line) == 0 {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatal(err)
			}
			ms = append(ms, m)
		}
		return ms
	}
	if err := slogtest.TestHandler(h, results); err != nil {
		t.Fatal(err)
	}
}

func TestHandlerSlogtestRun(t *testing.T) {
	var buf bytes.Buffer
	slogtest.Run(t, func(*testing.T) slog.Handler {
		buf.Reset()
		return def.Handler(slog.NewJSONHandler(&buf, nil))
	}, func(t *testing.T) map[string]any {
		var m map[string]any
		if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		return m
	})
}

// phoneBook is a LogValuer.
type phoneBook struct{ name, phone string }

func (p phoneBook) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", p.name), slog.String("phone", p.phone))
}

// customer is logged as JSON or text.
type customer struct {
	Name   string
	Mobile string
	PAN    string `json:"pan"`
}

// secretive shows its identifier only in its String method.
type secretive struct{ id string }

func (s secretive) String() string { return "id " + s.id }

func TestHandler(t *testing.T) {
	tests := []struct {
		name string
		log  func(l *slog.Logger)
		want string
	}{
		{"message", func(l *slog.Logger) { l.Info("call 9876543210 about Aadhaar " + aadhaar) },
			`"msg":"call XXXXXX3210 about Aadhaar XXXX XXXX 2346"`},
		{"string", func(l *slog.Logger) { l.Info("m", "note", "mobile "+mobile) },
			`"note":"mobile XXXXXX3210"`},
		{"int under a kind key", func(l *slog.Logger) { l.Info("m", slog.Int64("mobile", 9876543210)) },
			`"mobile":"XXXXXX3210"`},
		{"int under any key", func(l *slog.Logger) { l.Info("m", slog.Int64("n", 9876543210)) },
			`"n":"XXXXXX3210"`},
		{"uint and float", func(l *slog.Logger) {
			l.Info("m", slog.Uint64("phone", 9876543210), slog.Float64("mob", 9876543210))
		}, `"phone":"XXXXXX3210","mob":"XXXXXX3210"`},
		{"small numbers stay numbers", func(l *slog.Logger) { l.Info("m", "n", 42, "f", 1.5) },
			`"n":42,"f":1.5`},
		{"kind key odd format", func(l *slog.Logger) { l.Info("m", "aadhaar", "2345-6789-0124") },
			`"aadhaar":"XXXX-XXXX-0124"`},
		{"kind key odder format", func(l *slog.Logger) { l.Info("m", "voter_id", "abc/123/4567", "epic", "x1234567") },
			`"voter_id":"XXX/XXX/4567","epic":"XXXX4567"`},
		{"group", func(l *slog.Logger) {
			l.Info("m", slog.Group("user", slog.String("pan", pan), slog.Group("kyc", slog.String("passport", passport))))
		}, `"user":{"pan":"XXXXXX234Z","kyc":{"passport":"XXXX4567"}}`},
		{"With", func(l *slog.Logger) { l.With("mobile", mobile).Info("m") }, `"mobile":"XXXXXX3210"`},
		{"WithGroup", func(l *slog.Logger) { l.WithGroup("g").With("phone", mobile).Info("m", "pan", pan) },
			`"g":{"phone":"XXXXXX3210","pan":"XXXXXX234Z"}`},
		{"LogValuer", func(l *slog.Logger) { l.Info("m", "who", phoneBook{"Asha", mobile}) },
			`"who":{"name":"Asha","phone":"XXXXXX3210"}`},
		{"error", func(l *slog.Logger) { l.Error("m", "err", errors.New("no user with mobile "+mobile)) },
			`"err":"no user with mobile XXXXXX3210"`},
		{"struct", func(l *slog.Logger) { l.Info("m", "c", customer{"Asha", mobile, pan}) },
			`"c":{"Name":"Asha","Mobile":"XXXXXX3210","pan":"XXXXXX234Z"}`},
		{"slice under a kind key", func(l *slog.Logger) { l.Info("m", "phones", []string{"12345", "67890"}) },
			`"phones":["X2345","X7890"]`},
		{"text only", func(l *slog.Logger) { l.Info("m", "s", secretive{mobile}) },
			`"s":"id XXXXXX3210"`},
		{"bytes", func(l *slog.Logger) { l.Info("m", "b", []byte("mobile "+mobile)) },
			`"b":"mobile XXXXXX3210"`},
		{"untouched", func(l *slog.Logger) {
			l.Info("plain", "n", 7, "ok", true, "d", time.Second, "s", "text", "c", customer{Name: "x"})
		}, `"msg":"plain","n":7,"ok":true,"d":1000000000,"s":"text","c":{"Name":"x","Mobile":"","pan":""}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			l := slog.New(def.Handler(slog.NewJSONHandler(&buf, nil)))
			tt.log(l)
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("got  %s\nwant %s", buf.String(), tt.want)
			}
			for _, id := range []string{mobile, aadhaar, pan, passport, "2345-6789-0124"} {
				if strings.Contains(buf.String(), id) {
					t.Errorf("%q survived: %s", id, buf.String())
				}
			}
		})
	}
}

// capture is a handler that keeps the records it is given.
type capture struct {
	recs  []slog.Record
	attrs []slog.Attr
}

func (c *capture) Enabled(context.Context, slog.Level) bool { return true }
func (c *capture) Handle(_ context.Context, r slog.Record) error {
	c.recs = append(c.recs, r)
	return nil
}
func (c *capture) WithAttrs(as []slog.Attr) slog.Handler {
	c.attrs = append(c.attrs, as...)
	return c
}
func (c *capture) WithGroup(string) slog.Handler { return c }

func TestHandlerFreshRecord(t *testing.T) {
	// The record handed on holds no original value, in any form.
	var c capture
	l := slog.New(def.Handler(&c)).With("pan", pan)
	l.Info("m "+mobile, "a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "aadhaar", aadhaar, "g", slog.GroupValue(slog.String("phone", mobile)))
	var all strings.Builder
	for _, r := range c.recs {
		all.WriteString(r.Message)
		r.Attrs(func(a slog.Attr) bool {
			fmt.Fprintf(&all, " %s=%v", a.Key, a.Value)
			return true
		})
	}
	for _, a := range c.attrs {
		fmt.Fprintf(&all, " %s=%v", a.Key, a.Value)
	}
	s := all.String()
	for _, id := range []string{mobile, aadhaar, pan} {
		if strings.Contains(s, id) {
			t.Errorf("%q reached the handler: %s", id, s)
		}
	}
	if !strings.Contains(s, "e=5") {
		t.Errorf("an attribute was lost: %s", s)
	}
}

func TestReplaceAttr(t *testing.T) {
	for _, text := range []bool{false, true} {
		var buf bytes.Buffer
		opts := &slog.HandlerOptions{ReplaceAttr: def.ReplaceAttr, AddSource: true}
		var h slog.Handler = slog.NewJSONHandler(&buf, opts)
		if text {
			h = slog.NewTextHandler(&buf, opts)
		}
		l := slog.New(h)
		l.With("phone", mobile).WithGroup("g").Info("aadhaar "+aadhaar,
			slog.Int64("mobile", 9876543210), slog.Group("kyc", "pan", pan), "who", phoneBook{"Asha", mobile})
		out := buf.String()
		for _, id := range []string{mobile, aadhaar, pan} {
			if strings.Contains(out, id) {
				t.Errorf("%q survived: %s", id, out)
			}
		}
		for _, want := range []string{"XXXX XXXX 2346", "XXXXXX234Z", "XXXXXX3210", "level", "source", "time"} {
			if !strings.Contains(out, want) {
				t.Errorf("%q missing: %s", want, out)
			}
		}
	}
}

// panicky panics when it is rendered as JSON.
type panicky struct{}

func (panicky) MarshalJSON() ([]byte, error) { panic("boom") }

// panicHandler panics in Handle.
type panicHandler struct{ capture }

func (p *panicHandler) Handle(context.Context, slog.Record) error { panic("inner boom") }

func TestHandlerNeverPanics(t *testing.T) {
	var c capture
	h := def.Handler(&c)
	r := slog.NewRecord(time.Now(), slog.LevelInfo, "m "+mobile, 0)
	r.AddAttrs(slog.Any("p", panicky{}), slog.String("mobile", mobile))
	if err := h.Handle(context.Background(), r); err == nil {
		t.Error("no error from a value that panics")
	}
	if len(c.recs) != 1 || c.recs[0].Message != "!REDACTION FAILED" || c.recs[0].NumAttrs() != 0 {
		t.Errorf("records handed on: %v", c.recs)
	}
	if err := def.Handler(&panicHandler{}).Handle(context.Background(), r); err == nil {
		t.Error("no error from a handler that panics")
	}
	// A panicking LogValuer is resolved by slog into an error value.
	slog.New(def.Handler(slog.NewJSONHandler(io.Discard, nil))).Info("m", "v", panicValuer{})
	// A nil handler discards.
	slog.New(def.Handler(nil)).Info("m")
}

type panicValuer struct{}

func (panicValuer) LogValue() slog.Value { panic("valuer boom") }

// poolDrops reports whether sync.Pool drops what is put in it, as it does at
// random under the race detector: then allocations cannot be counted.
func poolDrops() bool {
	var p sync.Pool
	return testing.AllocsPerRun(10, func() {
		for range 100 {
			x := p.Get()
			if x == nil {
				x = new([64]byte)
			}
			p.Put(x)
		}
	}) > 0
}

func TestHandlerZeroAllocs(t *testing.T) {
	if poolDrops() {
		t.Skip("sync.Pool drops items here (race detector): allocations cannot be counted")
	}
	h := def.Handler(nopHandler{})
	r := slog.NewRecord(time.Now(), slog.LevelInfo, "request served in 12ms", 0)
	r.AddAttrs(slog.String("method", "GET"), slog.String("path", "/api/v1/orders"), slog.Int("status", 200),
		slog.Int64("bytes", 1234), slog.Float64("ms", 12.5), slog.Bool("cached", false),
		slog.Group("user", slog.String("name", "Asha"), slog.String("role", "admin")))
	ctx := context.Background()
	if n := testing.AllocsPerRun(100, func() { h.Handle(ctx, r) }); n != 0 {
		t.Errorf("%v allocations per record without identifiers, want 0", n)
	}
}

// nopHandler does nothing, so that allocations counted are the wrapper's.
type nopHandler struct{}

func (nopHandler) Enabled(context.Context, slog.Level) bool  { return true }
func (nopHandler) Handle(context.Context, slog.Record) error { return nil }
func (h nopHandler) WithAttrs([]slog.Attr) slog.Handler      { return h }
func (h nopHandler) WithGroup(string) slog.Handler           { return h }

func BenchmarkHandler(b *testing.B) {
	logAll := func(b *testing.B, l *slog.Logger) {
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			l.LogAttrs(ctx, slog.LevelInfo, "request served",
				slog.String("method", "GET"), slog.String("path", "/api/v1/orders/42"),
				slog.Int("status", 200), slog.Int64("bytes", 5321), slog.Duration("took", 1500*time.Microsecond),
				slog.String("ua", "Mozilla/5.0 (X11; Linux x86_64)"))
		}
	}
	b.Run("bare", func(b *testing.B) {
		logAll(b, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	})
	b.Run("kavach", func(b *testing.B) {
		logAll(b, slog.New(def.Handler(slog.NewJSONHandler(io.Discard, nil))))
	})
	b.Run("replaceattr", func(b *testing.B) {
		logAll(b, slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{ReplaceAttr: def.ReplaceAttr})))
	})
	b.Run("kavach_identifiers", func(b *testing.B) {
		l := slog.New(def.Handler(slog.NewJSONHandler(io.Discard, nil)))
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			l.LogAttrs(ctx, slog.LevelInfo, "kyc done",
				slog.String("method", "GET"), slog.Int64("mobile", 9876543210),
				slog.String("note", "aadhaar "+aadhaar), slog.Int("status", 200))
		}
	})
}

func ExampleRedactor_Handler() {
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		// No time, so that the output is the same every time.
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	})
	logger := slog.New(redact.Default.Handler(h))
	logger = logger.With("pan", "ABCPD1234Z")
	logger.Info("SMS sent to 9876543210",
		slog.Int64("mobile", 9876543210),
		slog.Group("kyc", slog.String("aadhaar", "2341-2341-2346"), slog.String("status", "verified")))
	// Output:
	// level=INFO msg="SMS sent to XXXXXX3210" pan=XXXXXX234Z mobile=XXXXXX3210 kyc.aadhaar=XXXX-XXXX-2346 kyc.status=verified
}

func ExampleRedactor_ReplaceAttr() {
	h := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // for a stable output
			}
			return redact.Default.ReplaceAttr(groups, a)
		},
	})
	slog.New(h).Info("login", "user", "asha", "phone", "+91 98765 43210", "passport", "A1234567")
	// Output:
	// {"level":"INFO","msg":"login","user":"asha","phone":"+XX XXXXX X3210","passport":"XXXX4567"}
}
