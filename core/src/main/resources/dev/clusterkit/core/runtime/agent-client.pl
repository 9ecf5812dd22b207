# The client of the clusterkit runtime agent (written by install-shims; do not edit).
# Usage: perl agent-client.pl SOCKET SHIM COMMAND [ARGS...]
# Runs COMMAND in the agent listening on SOCKET and relays its output, exit code and the
# termination signals this process receives. Where no agent of this user listens, or the agent
# declines or ends before it took the command, it runs SHIM again with CLUSTERKIT_AGENT=off:
# the command in a JVM of its own.
use strict;

my ($socket, $shim, @argv) = @ARGV;
my $conn;
my $signal = 0;
my @relayed;

sub direct {
    # From here a signal ends this process as it would the JVM, before or after the check below.
    $SIG{$_} = 'DEFAULT' for @relayed;
    close($conn) if $conn;
    # A termination signal came before anything ran: end as it would have ended the JVM.
    exit(128 + $signal) if $signal;
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
    my ($fh, $data) = @_;
    while (length $data) {
        my $sent = syswrite($fh, $data);
        if (!defined $sent) {
            next if $! == 4;
            return;
        }
        substr($data, 0, $sent) = '';
    }
}

sub slurp {
    my ($file) = @_;
    open(my $f, '<', $file) or return '';
    local $/;
    my $text = <$f>;
    close($f);
    return defined $text ? $text : '';
}

# Only an agent of this user: root passes the folder's 0700, and would otherwise talk to anyone's.
my ($folder) = $socket =~ m{^(.*)/};
my @owner = stat($folder);
direct() unless @owner && $owner[4] == $>;

# AF_UNIX and SOCK_STREAM are 1 on Linux; the Socket module would cost more than this whole client.
socket($conn, 1, 1, 0) or direct();
connect($conn, pack('S', 1) . $socket) or direct();

$SIG{PIPE} = 'IGNORE';
my $sent = 0;
my %number = (HUP => 1, INT => 2, TERM => 15);
for my $name (keys %number) {
    # Signals ignored when this process started stay ignored, as they would for the JVM.
    next if defined $SIG{$name} && $SIG{$name} eq 'IGNORE';
    push @relayed, $name;
    $SIG{$name} = sub {
        $signal ||= $number{$name};
        # Not in the middle of the request: a signal before its end is passed on after it.
        put($conn, 'S' . pack('N', $number{$name})) if $sent;
    };
}
my @env = map { "$_=$ENV{$_}" } sort keys %ENV;
put($conn, join("\0", 'clusterkit-agent 1', $$, umask(), slurp('/proc/self/limits'), slurp('/proc/self/status'),
    slurp('/proc/self/stat'), slurp('/proc/self/oom_score_adj'), scalar(@env), @env, scalar(@argv), @argv) . "\0");
$sent = 1;
put($conn, 'S' . pack('N', $signal)) if $signal;

my $accepted = 0;
while (defined(my $head = take(5))) {
    my ($type, $n) = unpack('a N', $head);
    exit($n > 255 ? 255 : $n) if $type eq 'X';
    if ($type eq 'A') {
        $accepted = 1;
        next;
    }
    my $data = take($n);
    last unless defined $data;
    direct() if $type eq 'D';
    put($type eq 'E' ? \*STDERR : \*STDOUT, $data);
}
# The agent ended: before it took the command nothing ran, so a JVM can run it.
direct() unless $accepted;
print STDERR "$argv[0]: the clusterkit runtime agent went away before $argv[0] ended\n";
exit 1;
