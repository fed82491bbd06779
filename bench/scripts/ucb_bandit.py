import math, random
K=10
means=[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.85,0.9]
counts=[0]*K; sums=[0.0]*K; regret=0
for t in range(20000):
    best=0; bestv=-math.inf
    for a in range(K):
        v = math.inf if counts[a]==0 else sums[a]/counts[a] + math.sqrt(2*math.log(t+1)/counts[a])
        if v > bestv: bestv=v; best=a
    r = 1 if random.random() < means[best] else 0
    counts[best]+=1; sums[best]+=r; regret += 0.9-means[best]
print(regret)
