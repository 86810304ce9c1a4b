// The one way rcjail writes a point in time for a person: the local time as
// "YYYY-MM-DD HH:MM:SS" (the generated jail.conf's header, rc.d messages,
// status -a's last start and stop).
#pragma once

#include <ctime>
#include <string>

namespace rcjail {

// `when` in the local time zone (TZ), as "%Y-%m-%d %H:%M:%S".
std::string localTimestamp(std::time_t when);

}  // namespace rcjail
