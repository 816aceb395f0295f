# Times Sisimai (Perl) on the same files as bench/parse.ts, in one process: each file's bytes are read
# into memory once, then parsed `passes` times with Sisimai->make(\$bytes). Prints one JSON line.
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
my $t0 = time;
for (1 .. $passes) {
  for my $m (@mails) {
    my $copy = $m;
    Sisimai->make(\$copy);
    $n++;
  }
}
my $dt = time - $t0;
printf "{\"messages\":%d,\"seconds\":%.4f,\"version\":\"%s\"}\n", $n, $dt, $Sisimai::VERSION;
