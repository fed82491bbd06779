n = 2000000
is_ = [1]*(n+1); is_[0]=0; is_[1]=0
p = 2
while p*p <= n:
    if is_[p] == 1:
        m = p*p
        while m <= n:
            is_[m] = 0; m += p
    p += 1
print(sum(is_))
