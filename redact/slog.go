package redact

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"sync"

	"github.com/kavach-dev/kavach/detectors"
)

// ReplaceAttr redacts an attribute for the ReplaceAttr field of
// slog.HandlerOptions, so that the handlers of log/slog write no identifier:
//
//	h := slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: r.ReplaceAttr})
//
// It redacts the message ("msg") and every attribute but the built-in time,
// level and source, as [Redactor.Handler] does; the built-in handlers call it
// for the attributes inside groups too. [Redactor.Handler] works with any
// handler and also redacts the attributes given to Logger.With.
func (r *Redactor) ReplaceAttr(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 {
		switch a.Key {
		case slog.TimeKey, slog.LevelKey, slog.SourceKey:
			return a
		}
	}
	s := r.getScratch()
	defer putScratch(s)
	out, _ := r.attr(s, a, 0)
	return out
}

// Handler returns a slog.Handler that redacts each record and hands it to h.
// It redacts the message and the attributes of the record and those given
// to WithAttrs (Logger.With), at any depth of groups, after resolving
// LogValuers:
//
//   - A string is redacted as text, read after the message, the attributes
//     before it and its key, as the detectors read the words before a number:
//     slog.String("passport", ...) or "type", "passport", "number", ... tell
//     them what a number is.
//   - A number is formatted in decimal and redacted as text; a number that
//     holds an identifier becomes a string attribute:
//     slog.Int64("n", 9876543210) is logged as n="XXXXXX3210".
//   - A string or number under a key that says what it holds ("mobile",
//     "phone", "aadhaar", "pan", "passport", "voter_id", "epic" and their
//     variants; see [Redactor.Field]) and that holds a digit is replaced whole
//     as that kind, whatever its format.
//   - An error is redacted by its message. Any other value (a struct, a map,
//     a slice) is rendered as JSON and with fmt's %+v; if either rendering
//     holds an identifier, the value is replaced by its rendering as JSON
//     redacted by [Redactor.JSON] (a json.RawMessage), or as text when it has
//     no JSON form.
//   - Times, durations, booleans and keys are written as they are.
//
// A record with nothing to redact is handed to h as it is, and costs no
// allocation beyond h's own (values with fewer than four digits are not even
// scanned, when the policy uses the built-in detectors only). Otherwise h gets a new record built with
// slog.NewRecord, which holds no original value. The handler never panics:
// if redaction fails, h gets a record with the time, the level and the
// message "!REDACTION FAILED" and nothing else, and Handle returns the error.
func (r *Redactor) Handler(h slog.Handler) slog.Handler {
	if h == nil {
		h = slog.DiscardHandler
	}
	if rh, ok := h.(*slogHandler); ok && rh.r == r {
		return rh
	}
	return &slogHandler{r: r, h: h}
}

// slogHandler is the handler returned by Redactor.Handler.
type slogHandler struct {
	r *Redactor
	h slog.Handler
}

// Enabled reports whether the wrapped handler handles records at level l.
func (h *slogHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.h.Enabled(ctx, l)
}

// WithAttrs redacts attrs and returns a handler that adds them to every record.
func (h *slogHandler) WithAttrs(attrs []slog.Attr) (out slog.Handler) {
	defer func() {
		if p := recover(); p != nil {
			// Fail closed: keep the keys, drop the values.
			safe := make([]slog.Attr, len(attrs))
			for i, a := range attrs {
				safe[i] = slog.String(a.Key, failedValue)
			}
			out = &slogHandler{r: h.r, h: h.h.WithAttrs(safe)}
		}
	}()
	s := h.r.getScratch()
	defer putScratch(s)
	red := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		red[i], _ = h.r.attr(s, a, 0)
	}
	return &slogHandler{r: h.r, h: h.h.WithAttrs(red)}
}

// WithGroup returns a handler that puts the attributes that follow in group name.
func (h *slogHandler) WithGroup(name string) slog.Handler {
	return &slogHandler{r: h.r, h: h.h.WithGroup(name)}
}

// failedValue stands for what could not be redacted.
const failedValue = "!REDACTION FAILED"

// Handle redacts the record (message and attributes) and passes a fresh one on.
func (h *slogHandler) Handle(ctx context.Context, rec slog.Record) (err error) {
	handing := false // the panic, if any, is h.h's
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		err = fmt.Errorf("redact: slog handler: panic: %v", p)
		if handing {
			return
		}
		defer func() { recover() }()
		h.h.Handle(ctx, slog.NewRecord(rec.Time, rec.Level, failedValue, rec.PC))
	}()
	s := h.r.getScratch()
	defer putScratch(s)
	s.in = append(s.in[:0], rec.Message...)
	msg, changed := s.value("")
	if !changed {
		msg = rec.Message
	}
	s.attrs = s.attrs[:0]
	rec.Attrs(func(a slog.Attr) bool {
		a, ch := h.r.attr(s, a, 0)
		changed = changed || ch
		s.attrs = append(s.attrs, a)
		return true
	})
	if !changed {
		handing = true
		return h.h.Handle(ctx, rec)
	}
	nr := slog.NewRecord(rec.Time, rec.Level, msg, rec.PC)
	nr.AddAttrs(s.attrs...)
	handing = true
	return h.h.Handle(ctx, nr)
}

// slogScratch is the reusable memory of one redaction of a record.
type slogScratch struct {
	in    []byte // a value as text
	f     fields // the context: the message and the attributes so far
	attrs []slog.Attr
}

var scratchPool = sync.Pool{New: func() any { return new(slogScratch) }}

func (r *Redactor) getScratch() *slogScratch {
	s := scratchPool.Get().(*slogScratch)
	s.f.r = r
	s.f.reset()
	return s
}

func putScratch(s *slogScratch) {
	clear(s.attrs) // hold no value
	s.attrs = s.attrs[:0]
	s.f.r = nil
	if cap(s.in) > 64<<10 || cap(s.f.tmp) > 64<<10 || cap(s.f.out) > 64<<10 {
		return // do not keep what a huge value grew
	}
	scratchPool.Put(s)
}

// maxAttrDepth bounds the groups within groups that attr follows.
const maxAttrDepth = 100

// attr redacts an attribute and reports whether it changed (a LogValuer
// that was resolved counts as a change: the result holds the resolved
// value, so that the handler does not call LogValue again).
func (r *Redactor) attr(s *slogScratch, a slog.Attr, depth int) (slog.Attr, bool) {
	v := a.Value
	changed := false
	if v.Kind() == slog.KindLogValuer {
		v, changed = v.Resolve(), true
	}
	k, _ := kindOfKey(a.Key)
	s.f.note(bytesOf(a.Key), ": ")
	switch v.Kind() {
	case slog.KindString:
		s.in = append(s.in[:0], v.String()...)
		if out, ok := s.value(k); ok {
			return slog.String(a.Key, out), true
		}
	case slog.KindInt64:
		s.in = strconv.AppendInt(s.in[:0], v.Int64(), 10)
		if out, ok := s.value(k); ok {
			return slog.String(a.Key, out), true
		}
	case slog.KindUint64:
		s.in = strconv.AppendUint(s.in[:0], v.Uint64(), 10)
		if out, ok := s.value(k); ok {
			return slog.String(a.Key, out), true
		}
	case slog.KindFloat64:
		if f := v.Float64(); math.Abs(f) < 1e21 {
			s.in = strconv.AppendFloat(s.in[:0], f, 'f', -1, 64)
			if out, ok := s.value(k); ok {
				return slog.String(a.Key, out), true
			}
		}
	case slog.KindGroup:
		if depth >= maxAttrDepth {
			return slog.String(a.Key, failedValue), true
		}
		g := v.Group()
		var red []slog.Attr
		for i, ga := range g {
			na, ch := r.attr(s, ga, depth+1)
			if ch && red == nil {
				red = make([]slog.Attr, len(g))
				copy(red, g[:i])
			}
			if red != nil {
				red[i] = na
			}
		}
		if red != nil {
			return slog.Attr{Key: a.Key, Value: slog.GroupValue(red...)}, true
		}
	case slog.KindAny:
		if out, ok := r.anyValue(a.Key, k, v.Any()); ok {
			return slog.Attr{Key: a.Key, Value: out}, true
		}
	}
	if changed {
		return slog.Attr{Key: a.Key, Value: v}, true
	}
	return a, false
}

// value redacts s.in, the value of a field whose key names kind k ("" if
// none), and notes it as context for the next.
func (s *slogScratch) value(k detectors.Kind) (string, bool) {
	out, changed := s.f.redact(k, s.in)
	var str string
	if changed {
		str = string(out)
	}
	s.f.note(s.in, memberSep)
	return str, changed
}

// anyValue redacts a value of slog.KindAny and reports whether it must
// replace the original.
func (r *Redactor) anyValue(key string, k detectors.Kind, x any) (slog.Value, bool) {
	switch x := x.(type) {
	case nil:
		return slog.Value{}, false
	case error:
		msg := x.Error()
		if out := r.Field(key, msg); out != msg {
			return slog.StringValue(out), true
		}
		return slog.Value{}, false
	case []byte:
		if out := r.Field(key, string(x)); out != string(x) {
			return slog.StringValue(out), true
		}
		return slog.Value{}, false
	}
	text := fmt.Sprintf("%+v", x)
	redText := r.Field(key, text)
	js, err := json.Marshal(x)
	if err != nil {
		if redText != text {
			return slog.StringValue(redText), true
		}
		return slog.Value{}, false
	}
	red := r.jsonValue(k, js)
	switch {
	case !bytes.Equal(red, js):
		return slog.AnyValue(json.RawMessage(red)), true
	case redText != text:
		// Only the text shows an identifier (an unexported field, a String
		// method): the text, redacted, is what is safe to log.
		return slog.StringValue(redText), true
	}
	return slog.Value{}, false
}

// jsonValue redacts the JSON text js, the value of a field whose key names
// kind k.
func (r *Redactor) jsonValue(k detectors.Kind, js []byte) []byte {
	var out bytes.Buffer
	if err := r.jsonKind(&out, bytes.NewReader(js), k); err != nil {
		return []byte(strconv.Quote(failedValue))
	}
	return out.Bytes()
}
