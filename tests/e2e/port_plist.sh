#!/bin/sh
# packaging/freebsd: pkg-plist is exactly the file list of a DESTDIR install
# with the port's CMake options, nothing lands outside PREFIX (no
# /etc/rc.d/jail), and LIB_DEPENDS names the Boost libraries rcjail is
# really linked with.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
PORT=$SOURCE_DIR/packaging/freebsd

listed=$(grep -v -e '^@' -e '^$' "$PORT/pkg-plist")
mkdir "$WORK/port"
installed=$(TMPDIR=$WORK sh "$PORT/make-plist" "$SOURCE_DIR" "$RCJAIL" "$WORK/port") || installed="make-plist failed"
check "pkg-plist is the install manifest" "$listed" "$installed"
check "port: the wrapper under share/rcjail runs the installed rcjail" 'exec /usr/local/sbin/rcjail --rc-script "$0" "$@"' \
	"$(grep '^exec ' "$WORK/port/usr/local/share/rcjail/jail" 2>&1)"
check "port: nothing in /etc" "" "$(ls "$WORK/port/etc" 2>&1 | grep -v 'No such file')"

# The two commands of pkg-message (and the README), run against a scratch
# /etc: in, in again (must not save the wrapper over the stock script), out.
commands=$(grep '^  .*/etc/rc.d/jail' "$PORT/pkg-message.in" | sed 's/^  //')
way_in=$(printf '%s\n' "$commands" | sed -n 1p)
way_out=$(printf '%s\n' "$commands" | sed -n 2p)
check "pkg-message: the way out is given again on removal" "$way_out" "$(printf '%s\n' "$commands" | sed -n 3p)"
for c in "$way_in" "$way_out"; do
	check "README gives: $c" 1 "$(grep -cxF "    $(printf '%s' "$c" | sed 's|%%PREFIX%%|/usr/local|')" "$SOURCE_DIR/README.md")"
done
mkdir -p "$WORK/sys/etc/rc.d"
printf '#!/bin/sh\n# PROVIDE: jail\n# the stock script\n' > "$WORK/sys/etc/rc.d/jail"
chmod 555 "$WORK/sys/etc/rc.d/jail"
stock=$(cat "$WORK/sys/etc/rc.d/jail")
scratch() { printf '%s\n' "$1" | sed -e "s|/etc/|$WORK/sys/etc/|g" -e "s|%%PREFIX%%|$WORK/port/usr/local|g"; }
sh -c "$(scratch "$way_in")"
check "in: the wrapper is /etc/rc.d/jail" "$(cat "$WORK/port/usr/local/share/rcjail/jail")" "$(cat "$WORK/sys/etc/rc.d/jail")"
check "in: it is executable" yes "$([ -x "$WORK/sys/etc/rc.d/jail" ] && echo yes || echo no)"
check "in: the stock script kept as jail.stock" "$stock" "$(cat "$WORK/sys/etc/rc.d/jail.stock")"
check "in: jail.stock is not executable (rc(8) skips it)" no "$([ -x "$WORK/sys/etc/rc.d/jail.stock" ] && echo yes || echo no)"
sh -c "$(scratch "$way_in")"
check "in twice: jail.stock is still the stock script" "$stock" "$(cat "$WORK/sys/etc/rc.d/jail.stock")"
sh -c "$(scratch "$way_out")"
check "out: the stock script is back" "$stock" "$(cat "$WORK/sys/etc/rc.d/jail")"
check "out: executable again" yes "$([ -x "$WORK/sys/etc/rc.d/jail" ] && echo yes || echo no)"
check "out: no jail.stock left" no "$([ -e "$WORK/sys/etc/rc.d/jail.stock" ] && echo yes || echo no)"

# The Boost libraries in the binary's NEEDED entries, against LIB_DEPENDS.
if command -v readelf >/dev/null 2>&1; then
	needed=$(readelf -d "$RCJAIL" | sed -n 's/.*Shared library: \[\(libboost_[a-z_]*\)\.so.*/\1.so/p' | LC_ALL=C sort -u)
	depends=$(sed -n '/^LIB_DEPENDS=/,/^$/p' "$PORT/Makefile" | grep -o 'libboost_[a-z_]*\.so' | LC_ALL=C sort -u)
	check "LIB_DEPENDS: the Boost libraries rcjail links" "$needed" "$depends"
else
	echo "readelf not found: LIB_DEPENDS not compared"
fi

# The default install keeps today's layout: the wrapper at /etc/rc.d/jail.
if grep -q '^RCJAIL_INSTALL_RC_D:BOOL=OFF' "$BUILD_DIR/CMakeCache.txt"; then
	echo "$BUILD_DIR is configured with RCJAIL_INSTALL_RC_D=OFF: default layout not checked"
else
	DESTDIR=$WORK/default cmake --install "$BUILD_DIR" >/dev/null
	check "default install: /etc/rc.d/jail" yes "$([ -x "$WORK/default/etc/rc.d/jail" ] && echo yes || echo no)"
	check "default install: no share/rcjail/jail" "" "$(find "$WORK/default" -path '*/share/rcjail/jail')"
fi
finish
