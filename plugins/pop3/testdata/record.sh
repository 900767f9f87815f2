#!/usr/bin/env bash
# Records the POP3 test captures from a real server: Dovecot on loopback (port 110), driven by
# pop3-client.py, captured with tcpdump; then stores tshark's outputs beside each capture.
# Needs root (a port below 1024, tcpdump on lo), apt-get, python3, tcpdump and tshark 4.0.
# Run from anywhere: plugins/pop3/testdata/record.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d /tmp/jdissect-pop3.XXXXXX)"
command -v dovecot >/dev/null || apt-get install -y -q dovecot-pop3d
chmod 755 "$work"

# ---- a standalone Dovecot: plaintext logins allowed on loopback, one user "alice" ----
mkdir -p "$work/run" "$work/home/alice/Maildir/new" "$work/home/alice/Maildir/cur" "$work/home/alice/Maildir/tmp"
cat > "$work/users" <<USERS
alice:{PLAIN}wonderland:65534:65534::$work/home/alice
USERS
cat > "$work/dovecot.conf" <<CONF
base_dir = $work/run
state_dir = $work/run
log_path = $work/dovecot.log
protocols = pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain apop
first_valid_uid = 1
mail_location = maildir:~/Maildir
pop3_uidl_format = %08Xu%08Xv
passdb {
  driver = passwd-file
  args = scheme=PLAIN $work/users
}
userdb {
  driver = passwd-file
  args = $work/users
}
service pop3-login {
  inet_listener pop3 {
    port = 110
  }
}
service anvil {
  chroot =
}
service pop3-login {
  chroot =
}
CONF

# ---- the mailbox: plain, multipart with an attachment, one to delete, one large ----
python3 "$here/pop3-mails.py" "$work/home/alice/Maildir/new"
chown -R 65534:65534 "$work/home"

dovecot -c "$work/dovecot.conf"
trap 'doveadm -c "$work/dovecot.conf" stop 2>/dev/null || true' EXIT
sleep 1

record() { # name, client scenario
  local name="$1" scenario="$2"
  tcpdump -i lo -U -w "$here/$name.pcap" 'tcp port 110' 2>/dev/null &
  local dump=$!
  sleep 1
  python3 "$here/pop3-client.py" "$scenario"
  sleep 1
  kill "$dump"; wait "$dump" || true
}
record pop3-session session
record pop3-auth auth
record pop3-pipelining pipelining
record pop3-large large

# ---- tshark's view, the expected results (exact commands) ----
fields=(-e frame.number -e _ws.col.Info)
while read -r f; do fields+=(-e "$f"); done < <(tshark -G fields 2>/dev/null | awk -F'\t' '$1=="F" && $5=="pop" {print $3}')
fields+=(-e imf.subject -e imf.from -e imf.content.type -e _ws.expert.message)
for pcap in "$here"/pop3-*.pcap; do
  base="${pcap%.pcap}"
  tshark -r "$pcap" -V > "$base.V.txt"
  tshark -r "$pcap" -T json > "$base.json"
  tshark -r "$pcap" -T fields -E header=y "${fields[@]}" > "$base.fields.tsv"
  tshark -r "$pcap" -Y pop -T fields -e pop.request.command > "$base.pop-request-command.txt"
done
tshark -G fields 2>/dev/null | awk -F'\t' '$1=="P" && $3=="pop" || $1=="F" && $5=="pop"' > "$here/tshark-G-fields-pop.tsv"
printf '%s\n' "tshark $(tshark --version | head -1)" \
  "tshark -r X.pcap -V > X.V.txt" \
  "tshark -r X.pcap -T json > X.json" \
  "tshark -r X.pcap -T fields -E header=y ${fields[*]} > X.fields.tsv" \
  "tshark -r X.pcap -Y pop -T fields -e pop.request.command > X.pop-request-command.txt" \
  "tshark -G fields | awk -F'\t' '\$1==\"P\" && \$3==\"pop\" || \$1==\"F\" && \$5==\"pop\"' > tshark-G-fields-pop.tsv" > "$here/tshark-commands.txt"
rm -rf "$work"
