# Times Sisimai (Perl) on the same files as bench/parse.ts, in one process: each file's bytes are read
# into memory once, then parsed `passes` times with Sisimai->make(\$bytes). Prints one JSON line with
# the wall-clock seconds and the CPU seconds (user + system) of the timed loop.
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);

my $passes = shift @ARGV;
my @mails;
for my $f (@ARGV) {
  open my $fh, '<:raw', $f or die "$f: $!";
  local $/;
  push @mails, scalar <$fh>;
  close $fh;
}
for my $m (@mails) { my $copy = $m; Sisimai->make(\$copy) }    # warm-up pass
my $n = 0;
my ($u0, $s0) = times;
my $t0 = time;
for (1 .. $passes) {
  for my $m (@mails) {
    my $copy = $m;
    Sisimai->make(\$copy);
    $n++;
  }
}
my $dt = time - $t0;
my ($u1, $s1) = times;
printf "{\"messages\":%d,\"seconds\":%.4f,\"cpuSeconds\":%.4f,\"version\":\"%s\"}\n", $n, $dt,
  ($u1 - $u0) + ($s1 - $s0), $Sisimai::VERSION;
