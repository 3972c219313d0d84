#!/usr/bin/env bash
# A one-node Slurm cluster for tests, on a machine without systemd (Debian 12, as root).
#
#   .ci/slurm-local.sh up        install slurm-wlm + munge from Debian if missing, start munged,
#                                slurmctld and slurmd under $SLURM_LOCAL_DIR (/tmp/slurm-local)
#   .ci/slurm-local.sh down      stop exactly what `up` started (by its pid files), nothing else
#   .ci/slurm-local.sh status    say whether it is up
#   .ci/slurm-local.sh selftest  up, a 4-task array that must succeed, one that must fail, down
#   .ci/slurm-local.sh can-run   exit 0 when this machine can run it (root, and Slurm or apt-get)
#
# SLURM_LOCAL_DIR, SLURM_LOCAL_CTLD_PORT and SLURM_LOCAL_SLURMD_PORT let several clusters run at
# once (the integration test picks free ports and a folder of its own); SLURM_LOCAL_AUTH=none
# uses auth/none instead of munge.
#
# Clients find the cluster through SLURM_CONF=$SLURM_LOCAL_DIR/slurm.conf; nothing is written to
# /etc/slurm. Why each setting is what it is: ../shared/notes/scale-out.md (measured here).
set -Eeuo pipefail # -E: the ERR trap of `up` also fires inside the functions it calls

BASE="${SLURM_LOCAL_DIR:-/tmp/slurm-local}"
# off Slurm's defaults (6817, 6818); two clusters at once (two test runs) need two pairs
CTLD_PORT="${SLURM_LOCAL_CTLD_PORT:-16817}"
SLURMD_PORT="${SLURM_LOCAL_SLURMD_PORT:-16818}"
CONF="$BASE/slurm.conf"
MUNGE_DIR="$BASE/munge"
# the cluster's own munge socket, so a munged the machine may already run is never touched
MUNGE_SOCKET="$MUNGE_DIR/munge.socket.2"
AUTH="${SLURM_LOCAL_AUTH:-munge}" # munge (documented) or none (auth/none: shipped, undocumented)
PACKAGES=(slurm-wlm munge)

say() { echo "slurm-local: $*" >&2; }

can_run() {
  if [ "$(id -u)" != 0 ]; then
    say "needs root (slurmctld and slurmd run as root here, and apt-get installs them)"
    return 1
  fi
  if ! installed && ! command -v apt-get >/dev/null 2>&1; then
    say "slurm-wlm is not installed and there is no apt-get to install it"
    return 1
  fi
}

installed() {
  command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 \
    && command -v sbatch >/dev/null 2>&1 && command -v munged >/dev/null 2>&1
}

install() {
  if installed; then
    return
  fi
  say "installing ${PACKAGES[*]} from Debian"
  apt-get update -qq
  # recommends would add 34 packages of plugins (HDF5, ROCm, IPMI, ...) that nothing here uses
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
}

# prints the pid in pid file $1 if that process is alive (an exited one not yet reaped is not)
alive() {
  local pid state
  [ -f "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [ "$state" != Z ] && echo "$pid"
}

# waits up to $2 tenths of a second for the process of pid file $1 to end
gone() {
  local i
  for ((i = 0; i < $2; i++)); do
    alive "$1" >/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# stops the process of pid file $1: TERM, then KILL after 5 s
stop() {
  local pid
  if pid="$(alive "$1")"; then
    kill -TERM "$pid" 2>/dev/null || true
    gone "$1" 50 || kill -KILL "$pid" 2>/dev/null || true
    gone "$1" 20 || say "process $pid of $1 did not end"
  fi
  rm -f "$1"
}

write_conf() {
  local host mem
  host="$(hostname -s)"
  # RealMemory in MiB, leaving 1 GiB to the system; a node claiming more than it has is drained
  mem=$(($(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024 - 1024))
  cat >"$CONF" <<EOF
ClusterName=dialsim-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/$AUTH
CredType=cred/$AUTH
AuthInfo=socket=$MUNGE_SOCKET
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
StateSaveLocation=$BASE/state
SlurmdSpoolDir=$BASE/spool
SlurmctldPidFile=$BASE/slurmctld.pid
SlurmdPidFile=$BASE/slurmd.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
# no cgroups: this machine has no systemd and a v1/v2 hybrid hierarchy
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
# the defaults leave about 3 s between waves of short tasks (20 tasks: 29.5 s against 8.2 s)
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
# a small MinJobAge keeps sbatch --wait polling every 2 s instead of backing off to 32 s
MinJobAge=4
ReturnToService=2
MailProg=/bin/true
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

start_munge() {
  mkdir -p "$MUNGE_DIR"
  chown munge:munge "$MUNGE_DIR"
  # munged insists that everyone may traverse its socket's folder; the key file itself is 0600
  chmod 0755 "$MUNGE_DIR"
  if [ ! -s "$MUNGE_DIR/munge.key" ]; then
    runuser -u munge -- mungekey --create --keyfile="$MUNGE_DIR/munge.key"
  fi
  runuser -u munge -- munged --socket="$MUNGE_SOCKET" --key-file="$MUNGE_DIR/munge.key" \
    --pid-file="$MUNGE_DIR/munged.pid" --log-file="$MUNGE_DIR/munged.log" --seed-file="$MUNGE_DIR/munged.seed"
}

up() {
  can_run || exit 3
  if alive "$BASE/slurmctld.pid" >/dev/null; then
    say "already up ($CONF)"
    return
  fi
  install
  # anything `up` started is stopped again if a later step fails
  trap 'say "up failed; stopping what it started"; down' ERR
  local started=$SECONDS
  rm -rf "$BASE/state" "$BASE/spool"
  mkdir -p "$BASE/state" "$BASE/spool" "$BASE/log"
  # munged refuses a socket below a folder that not everyone may traverse (mktemp makes 0700)
  chmod 0755 "$BASE"
  write_conf
  if [ "$AUTH" = munge ]; then
    start_munge
  fi
  export SLURM_CONF="$CONF"
  slurmctld -f "$CONF"
  slurmd -f "$CONF" -N "$(hostname -s)"
  local i state="" daemon
  for ((i = 0; i < 300; i++)); do
    state="$(sinfo -h -o %T 2>/dev/null || true)"
    [ "$state" = idle ] && break
    # a daemon that died (a port in use, a bad setting) will not come back: say why at once
    for daemon in slurmctld slurmd; do
      if ((i >= 10)) && ! alive "$BASE/$daemon.pid" >/dev/null; then
        say "$daemon exited: $(grep -h 'error' "$BASE/log/$daemon.log" 2>/dev/null | grep -v pmix | tail -n 1)"
        false
      fi
    done
    sleep 0.1
  done
  if [ "$state" != idle ]; then
    say "the node did not become idle in 30 s (state: ${state:-none}); logs in $BASE/log"
    false
  fi
  trap - ERR
  say "up in $((SECONDS - started)) s; export SLURM_CONF=$CONF"
}

down() {
  if [ -f "$CONF" ] && alive "$BASE/slurmctld.pid" >/dev/null; then
    # jobs still running belong to this cluster alone: cancel them so no slurmstepd stays behind
    SLURM_CONF="$CONF" scancel --quiet --full --user=root 2>/dev/null || true
    SLURM_CONF="$CONF" scontrol shutdown >/dev/null 2>&1 || true
  fi
  gone "$BASE/slurmctld.pid" 100 || true
  gone "$BASE/slurmd.pid" 100 || true
  stop "$BASE/slurmd.pid"
  stop "$BASE/slurmctld.pid"
  stop "$MUNGE_DIR/munged.pid"
  say "down"
}

status() {
  local what ok=0
  for what in "$BASE/slurmctld.pid" "$BASE/slurmd.pid" "$MUNGE_DIR/munged.pid"; do
    if pid="$(alive "$what")"; then
      say "$(basename "$what" .pid) running (pid $pid)"
    else
      say "$(basename "$what" .pid) not running"
      ok=1
    fi
  done
  return $ok
}

selftest() {
  up
  trap down EXIT
  export SLURM_CONF="$CONF"
  local out rc
  out="$(mktemp -d)"
  sbatch --wait --quiet --array=0-3 --cpus-per-task=1 -o "$out/task-%a.out" \
    --wrap 'echo "task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT"'
  for i in 0 1 2 3; do
    grep -qx "task $i of 4" "$out/task-$i.out" || { say "selftest: task $i wrote $(cat "$out/task-$i.out")"; exit 1; }
  done
  rc=0
  sbatch --wait --quiet --array=0-1 -o /dev/null --wrap 'exit $((SLURM_ARRAY_TASK_ID * 3))' || rc=$?
  if [ "$rc" != 3 ]; then
    say "selftest: sbatch --wait should return the worst task's exit code 3, returned $rc"
    exit 1
  fi
  rm -rf "$out"
  say "selftest passed"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  selftest) selftest ;;
  can-run) can_run ;;
  *)
    echo "usage: $0 up|down|status|selftest|can-run" >&2
    exit 2
    ;;
esac
