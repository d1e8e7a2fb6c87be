package redact

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// This file finds where things are in a policy file, to give line and column
// in errors. encoding/json reports byte offsets for syntax and type errors but
// not for unknown fields, and the values that ParsePolicy rejects after
// decoding have no offset at all; a walk over the tokens of the file maps
// every value to its path ("kinds.pan.keep") and offsets.

// node is one value of a policy file.
type node struct {
	path    string // "min_score", "kinds.pan.action", "allow[1]"
	key     int64  // offset of the key naming the value, or -1
	value   int64  // offset of the first byte of the value
	end     int64  // offset just past a scalar value, -1 for an object or array
	unknown bool   // the key is not a field of the object that holds it
}

var policyType = reflect.TypeFor[policyFile]()

// walkPolicy returns the nodes of data in document order. It stops at the
// first syntax error, returning what it found until then.
func walkPolicy(data []byte) []node {
	w := &walker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.value(policyType, "", -1)
	return w.nodes
}

type walker struct {
	data  []byte
	dec   *json.Decoder
	nodes []node
	err   bool
}

// next returns the next token and its start and end offsets.
func (w *walker) next() (tok json.Token, start, end int64) {
	start = w.dec.InputOffset()
	for int(start) < len(w.data) {
		c := w.data[start]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':' {
			break
		}
		start++
	}
	tok, err := w.dec.Token()
	if err != nil {
		w.err = true
		return nil, start, start
	}
	return tok, start, w.dec.InputOffset()
}

// value walks one value of Go type t (nil when unknown) at path.
func (w *walker) value(t reflect.Type, path string, key int64) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, start, end := w.next()
	if w.err {
		return
	}
	d, ok := tok.(json.Delim)
	if !ok {
		w.nodes = append(w.nodes, node{path: path, key: key, value: start, end: end})
		return
	}
	w.nodes = append(w.nodes, node{path: path, key: key, value: start, end: -1})
	switch d {
	case '{':
		for w.dec.More() && !w.err {
			ktok, kstart, _ := w.next()
			name, _ := ktok.(string)
			if w.err {
				return
			}
			var ft reflect.Type
			fpath := join(path, name)
			unknown := false
			if t != nil {
				switch t.Kind() {
				case reflect.Struct:
					f, fname, found := field(t, name)
					if found {
						ft, fpath = f, join(path, fname)
					} else {
						unknown = true
					}
				case reflect.Map:
					ft = t.Elem()
				}
			}
			if unknown {
				w.nodes = append(w.nodes, node{path: fpath, key: kstart, value: -1, end: -1, unknown: true})
			}
			w.value(ft, fpath, kstart)
		}
		w.next() // '}'
	case '[':
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			et = t.Elem()
		}
		for i := 0; w.dec.More() && !w.err; i++ {
			w.value(et, path+"["+strconv.Itoa(i)+"]", -1)
		}
		w.next() // ']'
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// field finds the field of struct type t that encoding/json decodes the key
// name into (the match is case-insensitive, as in encoding/json) and returns
// its type and its name in the policy file.
func field(t reflect.Type, name string) (reflect.Type, string, bool) {
	// Fields of t itself win over those of embedded structs.
	for _, embedded := range []bool{false, true} {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, hasTag := f.Tag.Lookup("json")
			tag, _, _ = strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct {
				if embedded {
					if ft, fname, ok := field(f.Type, name); ok {
						return ft, fname, true
					}
				}
				continue
			}
			if embedded || !f.IsExported() {
				continue
			}
			fname := tag
			if fname == "" {
				fname = strings.ToLower(f.Name)
			}
			if strings.EqualFold(fname, name) {
				return f.Type, fname, true
			}
		}
	}
	return nil, "", false
}

// locate returns the offset of the value at path in data, or of its key when
// key is set. When the file has no such value it returns the offset of the
// nearest enclosing one.
func locate(data []byte, path string, key bool) int64 {
	nodes := walkPolicy(data)
	for p := path; ; {
		for i := len(nodes) - 1; i >= 0; i-- { // the last of duplicate keys wins
			n := &nodes[i]
			if n.path != p || n.unknown {
				continue
			}
			if key && n.key >= 0 {
				return n.key
			}
			return n.value
		}
		if p == "" {
			return 0
		}
		if i := strings.LastIndexAny(p, ".["); i >= 0 {
			p = p[:i]
		} else {
			p = ""
		}
		key = false
	}
}

// unknownFieldOffset returns the offset of the first key in data named name
// that is not a field of the object holding it.
func unknownFieldOffset(data []byte, name string) int64 {
	for _, n := range walkPolicy(data) {
		if n.unknown && (n.path == name || strings.HasSuffix(n.path, "."+name)) {
			return n.key
		}
	}
	return 0
}

// valueAt returns the start and the path of the value that a
// json.UnmarshalTypeError with offset off points at: off is just past a
// scalar, or just past the opening delimiter of an object or array.
func valueAt(data []byte, off int64) (int64, string) {
	for _, n := range walkPolicy(data) {
		if n.end == off || n.end < 0 && n.value == off-1 {
			return n.value, n.path
		}
	}
	return off, ""
}
