alphabet = "ACGT"
seed = 42
parts = []
for i in range(100000):
    seed = (seed * 3877 + 29573) % 139968
    parts.append(alphabet[int(seed / 139968 * 4)])
dna = "".join(parts)
print(len(dna))
counts = {}
for i in range(len(dna) - 2):
    k = dna[i:i+3]
    if k in counts: counts[k] += 1
    else: counts[k] = 1
top = sorted(counts.keys(), key=lambda k: -counts[k])
for k in top[0:3]: print(f"{k} {counts[k]}")
comp = {'A': 'T', 'C': 'G', 'G': 'C', 'T': 'A'}
rc = ""
for i in range(len(dna)): rc += comp[dna[len(dna) - 1 - i]]
print(rc[0:20])
