#!/bin/sh
# packaging/freebsd: PLIST_FILES is exactly the file list of a DESTDIR
# install with the port's CMake options, nothing lands outside PREFIX (no
# /etc/rc.d/jail), and LIB_DEPENDS names every library rcjail is really
# linked with apart from the C and C++ runtime.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
PORT=$SOURCE_DIR/packaging/freebsd
port_var() { sh "$SOURCE_DIR/packaging/port-var" "$1" "$PORT/Makefile"; }

listed=$(port_var PLIST_FILES | LC_ALL=C sort)
mkdir "$WORK/port"
installed=$(TMPDIR=$WORK sh "$SOURCE_DIR/packaging/make-plist" "$SOURCE_DIR" "$RCJAIL" "$WORK/port") || installed="make-plist failed"
check "PLIST_FILES is the install manifest" "$listed" "$installed"
check "port: the wrapper under share/rcjail runs the installed rcjail" 'exec /usr/local/sbin/rcjail --rc-script "$0" "$@"' \
	"$(grep '^exec ' "$WORK/port/usr/local/share/rcjail/jail" 2>&1)"
check "port: nothing in /etc" "" "$(ls "$WORK/port/etc" 2>&1 | grep -v 'No such file')"

# The two commands of pkg-message (and the README), run against a scratch
# /etc: in, in again (must not save the wrapper over the stock script), out.
commands=$(grep '^  .*/etc/rc.d/jail' "$PORT/files/pkg-message.in" | sed 's/^  //')
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

# The binary's NEEDED entries against LIB_DEPENDS. The port builds the same
# program as this build (the Linux compat programs, and the libraries only
# they link, are not part of it), so its libraries are these less the
# C and C++ runtime, which FreeBSD's base system has (libc, libm, libthr,
# libc++, libgcc_s), and the sanitizer runtimes of a test build.
runtime='^(ld-linux.*|libc|libm|libdl|librt|libpthread|libstdc\+\+|libgcc_s|libatomic|libasan|libubsan|liblsan|libtsan)\.so$'
if ! command -v readelf >/dev/null 2>&1; then
	echo "readelf not found: LIB_DEPENDS not compared"
elif grep -q '^RCJAIL_STATIC_RUNTIME:BOOL=ON' "$BUILD_DIR/CMakeCache.txt"; then
	echo "$BUILD_DIR links Boost statically (RCJAIL_STATIC_RUNTIME=ON): LIB_DEPENDS not compared"
else
	needed=$(readelf -d "$RCJAIL" | sed -n 's/.*Shared library: \[\(.*\.so\).*\]/\1/p' |
		grep -E -v "$runtime" | LC_ALL=C sort -u)
	depends=$(port_var LIB_DEPENDS | sed 's/:.*//' | LC_ALL=C sort -u)
	check "LIB_DEPENDS: the libraries rcjail links" "$needed" "$depends"
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
