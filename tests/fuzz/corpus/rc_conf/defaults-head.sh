#!/bin/sh
# The /etc/defaults/rc.conf that the rc.conf differential test installs (see
# rcconf-snippets/README). It has the shape of FreeBSD's file and of
# ../shared/compat/base/rc.conf: quoted assignments with trailing comments, a
# ": ${var:=value}" default, source_rc_confs reading rc_conf_files in two
# rounds, an optional vendor file.
#
# @ROOT@ is replaced by the fixture root. /bin/sh cannot map the paths that a
# file reads itself, so every absolute path that a file (rather than rc.subr)
# reads is written as a host path under the fixture; the fixture has a
# symbolic link that makes the same text name the same file for the native
# reader too.

: ${_localbase:="/usr/local"}	# where ports and packages are installed

##############################################################
###  Startup options  #######################################
##############################################################
#rc_debug="NO"		# left unset on purpose
rc_info="NO"		# informational messages on the console
rc_startmsgs="YES"	# "Starting foo:" messages while booting
rcshutdown_timeout="90"	# seconds before rc.shutdown gives up
early_late_divider="FILESYSTEMS"	# scripts before this run from the root file system
always_force_depends="NO"	# start the required services of a service too
local_startup="${_localbase}/etc/rc.d"	# directories of local rc.d scripts
rc_conf_files="@ROOT@/etc/rc.conf @ROOT@/etc/rc.conf.local"	# files that override these defaults

##############################################################
###  A few unrelated services  ##############################
##############################################################
hostname=""		# set in /etc/rc.conf
syslogd_enable="YES"	# run the system log daemon
syslogd_flags="-s"	# do not listen on the network
ifconfig_lo0="inet 127.0.0.1"	# the loopback interface
devfs_rulesets="/etc/defaults/devfs.rules /etc/devfs.rules"	# devfs rule files

##############################################################
###  Jail configuration (see rc.conf(5))  ###################
##############################################################
jail_enable="NO"		# YES starts the jails at boot
jail_conf="/etc/jail.conf"	# the jail(8) configuration file
jail_confwarn="YES"		# warn about the obsolete per-jail variables
jail_parallel_start="NO"	# start the jails in the background
jail_list=""			# names of the jails to start, in order
jail_reverse_stop="NO"		# stop the jails in reverse order

##############################################################
# source_rc_confs reads each file named by rc_conf_files once, and goes over
# the list a second time so that a file added by a file is read too.
if [ -z "${source_rc_confs_defined}" ]; then
	source_rc_confs_defined=yes
	_rc_conf_read_once() {
		case ":${_rc_conf_done}:" in
		*":$1:"*)
			return 0
			;;
		esac
		_rc_conf_done="${_rc_conf_done}:$1"
		if [ -r "$1" ]; then
			. "$1"
		fi
	}
	source_rc_confs() {
		local _round _f _rc_conf_done
		_rc_conf_done=
		for _round in first second; do
			for _f in ${rc_conf_files}; do
				_rc_conf_read_once "$_f"
			done
		done
	}
fi

# a vendor may ship its own defaults
if [ -r @ROOT@/etc/defaults/vendor.conf ]; then
	. @ROOT@/etc/defaults/vendor.conf
fi
