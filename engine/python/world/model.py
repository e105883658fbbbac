"""The network's model: hosts, links (latency, bandwidth) and the comment directives that set
them per program. Defaults are documented in README.md beside this file."""

import re

LOOPBACK = '127.0.0.1'
LOOPBACK6 = '::1'
LOCAL_ADDRESS = '10.0.2.15'  # this machine's address as remote hosts see it
ANY = ('0.0.0.0', '', '::')


class Link:
    """One-way delay (seconds) and bandwidth (bytes per second) of a path between two hosts."""
    __slots__ = ('latency', 'bandwidth')

    def __init__(self, latency, bandwidth):
        self.latency = latency
        self.bandwidth = bandwidth

    def transmit(self, nbytes):
        return nbytes / self.bandwidth if self.bandwidth > 0 else 0.0


class Host:
    """A built-in remote host: its address, its link from here and its HTTP think time."""

    def __init__(self, name, ip, latency, bandwidth=10_000_000, think=0.01):
        self.name = name
        self.ip = ip
        self.link = Link(latency, bandwidth)
        self.think = think


def default_hosts():
    return [
        Host('example.com', '93.184.215.14', 0.05),
        Host('example.org', '93.184.215.15', 0.08),
        Host('example.net', '93.184.215.16', 0.12),
    ]


DEFAULT_BUFFER = 65536   # SO_SNDBUF and SO_RCVBUF, bytes
MAX_BUFFER = 16 * 1024 * 1024


class DirectiveError(Exception):
    def __init__(self, line, text):
        super().__init__(f'line {line}: {text}')
        self.line = line


_DIRECTIVE = re.compile(r'^\s*#\s*loopscope:\s*(.*)$')
_NUMBER = re.compile(r'^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?$')
_SETTINGS = ('latency', 'bandwidth', 'think', 'buffer')


def parse_directives(source):
    """[(line, setting, target, value)] from `# loopscope: SETTING TARGET=VALUE ...` lines
    (`buffer` takes a bare VALUE). Raises DirectiveError naming the line."""
    out = []
    for n, text in enumerate(source.splitlines(), 1):
        m = _DIRECTIVE.match(text)
        if not m:
            continue
        words = m.group(1).split()
        if words and words[0].startswith('disk-latency='):
            continue  # the disk's setting: files.disk_latency reads it
        if not words or words[0] not in _SETTINGS:
            raise DirectiveError(n, f'unknown loopscope directive {m.group(1).strip()!r}: expected '
                                 'one of ' + ', '.join(_SETTINGS) + ' (see engine/python/world/README.md)')
        setting = words[0]
        if len(words) < 2:
            raise DirectiveError(n, f'{setting}: nothing to set')
        for word in words[1:]:
            if setting == 'buffer':
                target, _, value = '*', '=', word
            else:
                target, eq, value = word.partition('=')
                if not eq or not target:
                    raise DirectiveError(n, f'{setting}: expected HOST=VALUE, got {word!r}')
            if not _NUMBER.match(value):
                raise DirectiveError(n, f'{setting}: {value!r} is not a non-negative number')
            out.append((n, setting, target, float(value)))
    return out


def apply_directives(net, directives):
    for line, setting, target, value in directives:
        if setting == 'buffer':
            if not 1 <= value <= MAX_BUFFER:
                raise DirectiveError(line, f'buffer: {value:g} bytes is outside 1 .. {MAX_BUFFER}')
            net.buffer = int(value)
            continue
        if target == 'loopback' or target == 'localhost':
            links, hosts = [net.loopback], []
        elif target == '*':
            hosts = list(net.hosts.values())
            links = [h.link for h in hosts]
        elif target in net.hosts:
            hosts = [net.hosts[target]]
            links = [hosts[0].link]
        else:
            raise DirectiveError(line, f'{setting}: unknown host {target!r} (known: loopback, '
                                 + ', '.join(sorted(net.hosts)) + ', *)')
        if setting == 'latency':
            for link in links:
                link.latency = value
        elif setting == 'bandwidth':
            if value <= 0:
                raise DirectiveError(line, 'bandwidth must be positive')
            for link in links:
                link.bandwidth = value
        elif setting == 'think':
            if not hosts:
                raise DirectiveError(line, 'think: loopback has no built-in server')
            for h in hosts:
                h.think = value
