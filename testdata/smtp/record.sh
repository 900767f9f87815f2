#!/bin/sh
# Records the SMTP captures of this folder against a real Postfix on loopback (Debian 12, root):
#   apt-get install postfix swaks tcpdump sasl2-bin libsasl2-modules tshark
# then writes tshark 4.0's outputs beside each capture (the expected results of
# SmtpRecordedCapturesTest). Re-running replaces the captures; timestamps and ports change.
set -eu
cd "$(dirname "$0")"
HOST=127.0.0.1

# ---- Postfix: local domain example.test, SASL PLAIN/LOGIN from sasldb, STARTTLS with a
# self-signed certificate on port 25, a second smtpd without TLS on port 2525.
[ -f /etc/postfix/jdissect.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
    -subj /CN=mail.example.test -keyout /etc/postfix/jdissect.key -out /etc/postfix/jdissect.pem 2>/dev/null
postconf -e myhostname=mail.example.test mydomain=example.test 'mydestination=example.test, localhost' \
    inet_interfaces=loopback-only inet_protocols=ipv4 \
    smtpd_tls_cert_file=/etc/postfix/jdissect.pem smtpd_tls_key_file=/etc/postfix/jdissect.key \
    smtpd_tls_security_level=may smtpd_sasl_auth_enable=yes smtpd_sasl_type=cyrus smtpd_sasl_path=smtpd \
    'smtpd_recipient_restrictions=permit_mynetworks, reject_unauth_destination'
postconf -F smtp/inet/chroot=n
postconf -M '2525/inet=2525 inet n - n - - smtpd -o smtpd_tls_security_level=none'
mkdir -p /etc/postfix/sasl
printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\n' > /etc/postfix/sasl/smtpd.conf
echo 'S3cr3t!' | saslpasswd2 -p -c -u example.test alice
chmod 644 /etc/sasldb2
postfix stop >/dev/null 2>&1 || true
postfix start
sleep 1

EXTRA=/tmp/jdissect-record
mkdir -p $EXTRA
FIELDS=$(cat fields.list)

record() { # name port command...
    name=$1; port=$2; shift 2
    tcpdump -i lo -U --immediate-mode -s 0 -w "$EXTRA/$name" "tcp port $port" 2>/dev/null &
    pid=$!
    sleep 1
    "$@" >/dev/null 2>&1 || true
    sleep 1
    kill $pid; wait $pid 2>/dev/null || true
    # keep the SMTP connection only (the first TCP stream)
    tshark -r "$EXTRA/$name" -Y tcp.stream==0 -w "$name" -F pcap
}

outputs() { # name [tshark options]
    name=$1; shift
    TZ=UTC LC_ALL=C.UTF-8 HOME=$EXTRA tshark -r "$name" "$@" -V > "$name.V.txt"
    TZ=UTC LC_ALL=C.UTF-8 HOME=$EXTRA tshark -r "$name" "$@" -T fields -E header=y -E separator=/t \
        -E occurrence=a -E aggregator=, $FIELDS > "$name.fields.tsv"
}

SWAKS="swaks --server $HOST --from sender@example.test --h-Subject test --body hello"
record smtp_rec_pipelining.pcap 25 $SWAKS --port 25 --pipeline --to root@example.test,no-such-user@example.test
record smtp_rec_auth_plain.pcap 25 $SWAKS --port 25 --to root@example.test --auth PLAIN \
    --auth-user alice@example.test --auth-password 'S3cr3t!'
record smtp_rec_auth_login.pcap 25 $SWAKS --port 25 --to root@example.test --auth LOGIN \
    --auth-user alice@example.test --auth-password 'S3cr3t!'
record smtp_rec_starttls.pcap 25 $SWAKS --port 25 --to root@example.test --tls
record smtp_rec_bdat.pcap 25 python3 clients.py bdat $HOST 25
record smtp_rec_multi.pcap 25 python3 clients.py multi $HOST 25
record smtp_rec_starttls_refused.pcap 2525 python3 clients.py starttls_refused $HOST 2525

for f in smtp_rec_pipelining.pcap smtp_rec_starttls.pcap smtp_rec_bdat.pcap smtp_rec_multi.pcap; do
    outputs $f
done
outputs smtp_rec_starttls_refused.pcap -d tcp.port==2525,smtp
outputs smtp_rec_auth_plain.pcap
outputs smtp_rec_auth_login.pcap
# the multi-message session without DATA reassembly (smtp.message lines) and without line reassembly
cp smtp_rec_multi.pcap smtp_rec_multi_nodesegment.pcap
outputs smtp_rec_multi_nodesegment.pcap -o smtp.desegment_data:FALSE -o smtp.desegment_lines:FALSE
# the same AUTH sessions with base64 decoding on, under their own names
for f in smtp_rec_auth_plain smtp_rec_auth_login; do
    cp $f.pcap ${f}_decoded.pcap
    outputs ${f}_decoded.pcap -o smtp.decryption:TRUE
    TZ=UTC HOME=$EXTRA tshark -r ${f}_decoded.pcap -o smtp.decryption:TRUE -q -z credentials \
        > ${f}_decoded.pcap.credentials.txt
done
postfix stop

# manifest: capture, frames, tshark's extra options (as the shared testdata manifests)
{
    printf 'file\tframes\ttshark_extra_options\n'
    for f in smtp_rec_*.pcap; do
        opts=""
        case $f in
            *starttls_refused*) opts="-d tcp.port==2525,smtp" ;;
            *_decoded*) opts="-o smtp.decryption:TRUE" ;;
            *_nodesegment*) opts="-o smtp.desegment_data:FALSE -o smtp.desegment_lines:FALSE" ;;
        esac
        printf '%s\t%s\t%s\n' "$f" "$(tshark -r "$f" 2>/dev/null | wc -l)" "$opts"
    done
} > manifest.tsv
