package ash

import "strings"

// findValued are the primaries of find that take a value, and how the
// value is classed: what each class of value selects differs between
// GNU find and BusyBox find (GNU rounds -size 20 and -size 2k up to the
// unit, BusyBox does not; BusyBox has no M or G), so each class has a
// probe of its own ("applet find -size +Nk").
var findValued = map[string]func(string) string{
	"-size": sizeClass, "-links": signedClass,
	"-mtime": signedClass, "-atime": signedClass, "-ctime": signedClass,
	"-mmin": signedClass, "-amin": signedClass, "-cmin": signedClass,
	"-perm": permClass, "-newer": anyValue, "-maxdepth": anyValue, "-mindepth": anyValue,
	"-name": anyValue, "-iname": anyValue, "-path": anyValue, "-regex": anyValue,
	"-type": anyValue, "-user": anyValue, "-group": anyValue,
}

// findAlone are the primaries without a value that are probed.
var findAlone = []string{"-empty", "-executable", "-prune", "-depth", "-xdev", "-quit"}

func signOf(v string) (string, string) {
	if v != "" && (v[0] == '+' || v[0] == '-') {
		return v[:1], v[1:]
	}
	return "", v
}

// sizeClass: -size 20 is "N", +2k is "+Nk".
func sizeClass(v string) string {
	sign, rest := signOf(v)
	return sign + "N" + strings.TrimLeft(rest, "0123456789"+unknown)
}

// signedClass: -mtime +7 is "+N".
func signedClass(v string) string {
	sign, _ := signOf(v)
	return sign + "N"
}

// permClass: -perm -0644 is "-octal", /u+w is "/symbolic".
func permClass(v string) string {
	prefix := ""
	if v != "" && strings.ContainsRune("-/+", rune(v[0])) {
		prefix, v = v[:1], v[1:]
	}
	if v != "" && strings.Trim(v, "01234567") == "" {
		return prefix + "octal"
	}
	return prefix + "symbolic"
}

func anyValue(string) string { return "X" }

// findKey is the surface key of a primary of find and its value.
func findKey(primary, value string) string {
	if class, ok := findValued[primary]; ok {
		return "applet find " + primary + " " + class(value)
	}
	return "applet find " + primary
}
