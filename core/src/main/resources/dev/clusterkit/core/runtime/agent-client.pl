# The client of the clusterkit runtime agent (written by install-shims; do not edit).
# Usage: perl agent-client.pl SOCKET SHIM COMMAND [ARGS...]
# Runs COMMAND in the agent listening on SOCKET and relays its output, exit code and the
# termination signals this process receives. Where no agent listens, or it declines, it runs
# SHIM again with CLUSTERKIT_AGENT=off: the command in a JVM of its own.
use strict;

my ($socket, $shim, @argv) = @ARGV;
my $conn;

sub direct {
    close($conn) if $conn;
    $ENV{CLUSTERKIT_AGENT} = 'off';
    { exec {$shim} $shim, @argv[1 .. $#argv] }
    print STDERR "$argv[0]: cannot run $shim: $!\n";
    exit 126;
}

# Whole reads and writes, resumed after a signal (EINTR is 4 on Linux, where the agent runs).
sub take {
    my ($n) = @_;
    my $buf = '';
    while (length($buf) < $n) {
        my $got = sysread($conn, $buf, $n - length($buf), length($buf));
        if (!defined $got) {
            next if $! == 4;
            return undef;
        }
        return undef if $got == 0;
    }
    return $buf;
}

sub put {
    my ($data) = @_;
    while (length $data) {
        my $sent = syswrite($conn, $data);
        if (!defined $sent) {
            next if $! == 4;
            return;
        }
        substr($data, 0, $sent) = '';
    }
}

# AF_UNIX and SOCK_STREAM are 1 on Linux; the Socket module would cost more than this whole client.
socket($conn, 1, 1, 0) or direct();
connect($conn, pack('S', 1) . $socket) or direct();

$SIG{PIPE} = 'IGNORE';
my $limits = '';
if (open(my $f, '<', '/proc/self/limits')) {
    local $/;
    $limits = <$f>;
    close($f);
}
my @env = map { "$_=$ENV{$_}" } sort keys %ENV;
put(join("\0", 'clusterkit-agent 1', $$, umask(), $limits, scalar(@env), @env, scalar(@argv), @argv) . "\0");

my %number = (HUP => 1, INT => 2, TERM => 15);
for my $name (keys %number) {
    $SIG{$name} = sub { put('S' . pack('N', $number{$name})) };
}

while (defined(my $head = take(5))) {
    my ($type, $n) = unpack('a N', $head);
    exit($n > 255 ? 255 : $n) if $type eq 'X';
    my $data = take($n);
    last unless defined $data;
    if ($type eq 'D') {
        direct();
    }
    syswrite($type eq 'E' ? \*STDERR : \*STDOUT, $data);
}
print STDERR "$argv[0]: the clusterkit runtime agent went away before $argv[0] ended\n";
exit 1;
