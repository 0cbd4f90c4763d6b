import re,glob,os,collections
dev=set();test=set();sec=None
for l in open('splits.md'):
    if l.startswith('## '): sec=l[3:].strip()
    elif l.strip().startswith('* ') and sec!='train': dev.add(l.strip()[2:].strip())
male={'he','him','his','himself'};fem={'she','her','hers','herself'}
votes=collections.defaultdict(lambda:[0,0])
for f in sorted(glob.glob('dep/*.conllu')):
    doc=os.path.basename(f)[:-7]
    if doc in dev: continue
    words=[];ents=[];open_={}
    for l in open(f):
        if not l.strip() or l.startswith('#'): continue
        c=l.rstrip('\n').split('\t')
        if '-' in c[0] or '.' in c[0]: continue
        i=len(words);words.append((c[1],c[3]))
        m=re.search(r'Entity=([^|]*)',c[9])
        if not m: continue
        s=m.group(1)
        for tok in re.findall(r'\(([0-9]+)-([a-z]+)[^()]*?\)?|([0-9]+)\)',s):pass
        # parse sequentially
        j=0
        while j<len(s):
            if s[j]=='(':
                k=j+1
                while k<len(s) and s[k] not in '()': k+=1
                body=s[j+1:k];gid=body.split('-')[0];typ=body.split('-')[1]
                if k<len(s) and s[k]==')': ents.append((i,i+1,gid,typ));j=k+1
                else: open_.setdefault(gid,[]).append((i,typ));j=k
            elif s[j].isdigit():
                k=j
                while s[k].isdigit(): k+=1
                gid=s[j:k]; st,typ=open_[gid].pop(); ents.append((st,i+1,gid,typ)); j=k+1
            else: j+=1
    chains=collections.defaultdict(list)
    for st,en,g,t in ents:
        if t=='person': chains[g].append((st,en))
    for g,ms in chains.items():
        m=sum(1 for st,en in ms if en-st==1 and words[st][0].lower() in male)
        fe=sum(1 for st,en in ms if en-st==1 and words[st][0].lower() in fem)
        if m==fe: continue
        firsts=set()
        for st,en in ms:
            if en-st>=2 and words[st][1]=='PROPN' and words[st+1][1]=='PROPN' and words[st][0][0].isupper() and len(words[st][0])>2 and not words[st][0].endswith('.'):
                firsts.add(words[st][0])
        for w in firsts: votes[w][0 if m>fe else 1]+=1
for w,(m,f) in sorted(votes.items()):
    if m and f: continue
    print(w,'M' if m else 'F')
