#!/usr/bin/env python3
# scripts/code-sizes.py REV [N]: the N (default 10) largest files and functions of src/
# at git revision REV, and the median function length, to compare two revisions when
# a change claims to make the code smaller or simpler. Functions are found by shape (a
# line ending in `) {` and its matching brace), which is close enough for C++ written
# in this project's style; templates rendered by a function count toward it.
import subprocess, sys, re
rev = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
files = [f for f in subprocess.check_output(['git','ls-tree','-r','--name-only',rev,'src/'],text=True).split() if f.endswith(('.cc','.h'))]
sizes=[]; funcs=[]
for f in files:
    text = subprocess.check_output(['git','show',f'{rev}:{f}'],text=True)
    lines = text.split('\n'); sizes.append((len(lines)-1,f))
    # function: a line ending in '{' whose start looks like a signature ( ... ) [const] [override] {
    i=0
    while i < len(lines):
        l=lines[i]
        m = re.match(r'^(\s*)(?!if|for|while|switch|else|do|namespace|class|struct|enum|return|case)[^;={}]*\)\s*(const)?\s*(override)?\s*(->\s*[\w:<>]+)?\s*\{\s*$', l)
        if m and 'R"' not in l:
            indent=len(m.group(1)); depth=0; j=i
            # count braces ignoring strings crudely
            while j < len(lines):
                s=re.sub(r'"(\\.|[^"\\])*"','""',lines[j]); s=re.sub(r"'(\\.|[^'\\])'","''",s)
                depth += s.count('{')-s.count('}')
                if depth<=0 and j>i: break
                if depth<=0 and j==i and '}' in s: break
                j+=1
            k=i; sig=l
            while sig.count(')')>sig.count('(') and k>0: k-=1; sig=lines[k]+' '+sig
            name = re.sub(r'\s+',' ',sig.strip())[:80]
            funcs.append((j-i+1,f,i+1,name)); i=j+1 if indent==0 else i+1
        else: i+=1
sizes.sort(reverse=True); funcs.sort(reverse=True)
print('largest files:'); [print(f'  {a:5d} {b}') for a,b in sizes[:n]]
print('largest functions:'); [print(f'  {a:4d} {b}:{c} {d}') for a,b,c,d in funcs[:n]]
import statistics; print('functions:',len(funcs),'median',statistics.median([f[0] for f in funcs]))
