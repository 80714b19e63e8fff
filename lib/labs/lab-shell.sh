#!/bin/bash
# The lab host's sshd ForceCommand (installed by lib/labs/host.ts with @LABS@ and @CGROUP@ filled in): every
# session of a lab account runs here, as that account, and ends in bubblewrap. Nothing the client asks for is
# run: SSH_ORIGINAL_COMMAND only picks one of three modes (the shell, the lesson's setup script, its check).
set -u
LABS='@LABS@'
CGROUP='@CGROUP@'
me=$(/usr/bin/id -un)
conf="$LABS/conf/$me"
home="$LABS/homes/$me"

if [ ! -r "$conf/limits" ] || ! /usr/bin/mountpoint -q "$home"; then
  echo "This lab is not ready; open it again from the lesson page." >&2
  exit 1
fi
# Written by the gateway at lease time, integers only: MB of memory, processes, CPU seconds, MB per file,
# open files, whether cgroups must be joined.
read -r mem_mb nproc cpu_s fsize_mb nofile cgroups < "$conf/limits"
for n in "$mem_mb" "$nproc" "$cpu_s" "$fsize_mb" "$nofile" "$cgroups"; do
  case "$n" in '' | *[!0-9]*) echo "This lab's limits are unreadable." >&2; exit 1 ;; esac
done

# The lease prepared one cgroup per account and controller (cgroup v1) and handed its cgroup.procs to the
# account: join it before anything else runs. When the host has cgroups, failing to join ends the session.
if [ "$cgroups" = 1 ]; then
  for c in memory pids cpu cpuacct; do
    f="/sys/fs/cgroup/$c/$CGROUP/$me/cgroup.procs"
    if ! echo $$ > "$f" 2>/dev/null; then
      echo "This lab cannot be limited right now; try again later." >&2
      exit 1
    fi
  done
fi

# --new-session (setsid) keeps a sandbox from pushing keystrokes (TIOCSTI) into a terminal something outside
# reads after it. The shell's terminal is the sandbox's alone (bubblewrap is exec'ed last, and sshd only holds the
# other end), so the shell keeps it as its controlling terminal: job control works and bash starts without
# "no job control in this shell". The setup and check modes have no terminal and get their own session.
extra=()
session=(--new-session)
case "${SSH_ORIGINAL_COMMAND:-shell}" in
  shell) run=(/bin/bash -l); session=() ;;
  check) run=(/bin/bash --noprofile --norc /run/lab/check); extra=(--ro-bind "$conf/check" /run/lab/check) ;;
  setup) run=(/bin/bash --noprofile --norc /run/lab/setup); extra=(--ro-bind "$conf/setup" /run/lab/setup) ;;
  *) echo "Unknown lab command." >&2; exit 2 ;;
esac

lib64=()
[ -d /usr/lib64 ] && lib64=(--symlink usr/lib64 /lib64)

# --as is per process and generous (a process maps more than it uses); the memory cgroup holds the real line.
exec /usr/bin/prlimit \
  --nproc="$nproc" --as=$(( (mem_mb + 256) * 1048576 )) --cpu="$cpu_s" \
  --fsize=$(( fsize_mb * 1048576 )) --nofile="$nofile" --core=0 --memlock=0 --msgqueue=0 \
  -- /usr/bin/bwrap \
  --unshare-all --unshare-user --die-with-parent "${session[@]}" --disable-userns --cap-drop ALL \
  --hostname lab \
  --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/sbin /sbin --symlink usr/lib /lib "${lib64[@]}" \
  --ro-bind "$LABS/etc" /etc \
  --proc /proc --dev /dev \
  --size $(( 32 * 1048576 )) --tmpfs /tmp \
  --bind "$home" /home/learner \
  "${extra[@]}" \
  --chdir /home/learner \
  --clearenv \
  --setenv HOME /home/learner --setenv USER learner --setenv LOGNAME learner --setenv SHELL /bin/bash \
  --setenv PATH /usr/local/bin:/usr/bin:/bin --setenv TERM "${TERM:-xterm-256color}" --setenv LANG C.UTF-8 \
  -- "${run[@]}"
