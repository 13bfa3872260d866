package shell

import "strings"

// ReadWord reads the shell word at the start of s, as the value of an
// assignment (NAME=word) is read: plain characters, '...', "..." and
// backslash escapes, up to the first unquoted blank. It returns the
// word's value and what follows it. ok is false when the value is not
// literal — it holds an expansion ($, `), a leading ~, or an unclosed
// quote — since only the shell could say what it is.
func ReadWord(s string) (value, rest string, ok bool) {
	var b strings.Builder
	if strings.HasPrefix(s, "~") {
		return "", s, false
	}
	i := 0
	for i < len(s) {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')':
			return b.String(), s[i:], true
		case '$', '`':
			return "", s, false
		case '\\':
			if i+1 >= len(s) || s[i+1] == '\n' {
				return "", s, false // a line continuation: the word goes on
			}
			b.WriteByte(s[i+1])
			i += 2
			continue
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return "", s, false
			}
			b.WriteString(s[i+1 : i+1+end])
			i += end + 2
			continue
		case '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				switch s[j] {
				case '$', '`':
					return "", s, false
				case '\\':
					if j+1 < len(s) && strings.IndexByte("$`\"\\", s[j+1]) >= 0 {
						j++
					} else if j+1 < len(s) && s[j+1] == '\n' {
						return "", s, false
					}
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return "", s, false
			}
			i = j + 1
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), "", true
}
