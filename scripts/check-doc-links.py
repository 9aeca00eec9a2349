#!/usr/bin/env python3
# scripts/check-doc-links.py [repo root]: every relative link in README.md and docs/**/*.md
# must name an existing file (and, for a .md file, an existing heading anchor), and every
# link must stay inside the repository, which stands alone. Run by scripts/test.sh.
import re, os, glob, sys
os.chdir(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
def slug(h):
    h = h.strip().lower()
    h = re.sub(r'[^\w\- ]', '', h)
    return h.replace(' ', '-')
def anchors(path):
    out, fence = set(), False
    for line in open(path):
        if line.startswith('```'): fence = not fence; continue
        if not fence and line.startswith('#'):
            out.add(slug(line.lstrip('#')))
        if not fence:
            out.update(re.findall(r'<a id="([^"]+)"', line))
    return out
bad = 0
files = ['README.md'] + glob.glob('docs/**/*.md', recursive=True)
for f in files:
    text = open(f).read()
    text = re.sub(r'```.*?```', '', text, flags=re.S)
    for m in re.finditer(r'\]\(([^)\s]+)\)', text):
        url = m.group(1)
        if url.startswith(('http://', 'https://', 'mailto:')): continue
        path, _, frag = url.partition('#')
        target = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        if target.startswith('..') or os.path.isabs(target):
            print(f'{f}: links outside the repository: {url}'); bad += 1; continue
        if not os.path.exists(target):
            print(f'{f}: missing {url}'); bad += 1; continue
        if frag and target.endswith('.md') and frag not in anchors(target):
            print(f'{f}: missing anchor {url}'); bad += 1
print("bad links:", bad, "files:", len(files))
sys.exit(1 if bad else 0)
