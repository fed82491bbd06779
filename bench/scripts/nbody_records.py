import math
PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DPY = 365.24
def body(x, y, z, vx, vy, vz, m):
    return {'x': x, 'y': y, 'z': z, 'vx': vx * DPY, 'vy': vy * DPY, 'vz': vz * DPY, 'm': m * SOLAR_MASS}
bodies = [
  body(0, 0, 0, 0, 0, 0, 1),
  body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
  body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
  body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
  body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05)
]
def energy(bs):
    e = 0.0
    n = len(bs)
    for i in range(n):
        b = bs[i]
        e += 0.5 * b['m'] * (b['vx']**2 + b['vy']**2 + b['vz']**2)
        for j in range(i+1, n):
            c = bs[j]
            dx = b['x']-c['x']; dy = b['y']-c['y']; dz = b['z']-c['z']
            e -= b['m']*c['m']/math.sqrt(dx*dx+dy*dy+dz*dz)
    return e
px = py = pz = 0.0
for b in bodies:
    px += b['vx']*b['m']; py += b['vy']*b['m']; pz += b['vz']*b['m']
bodies[0]['vx'] = -px/SOLAR_MASS; bodies[0]['vy'] = -py/SOLAR_MASS; bodies[0]['vz'] = -pz/SOLAR_MASS
print("%.9f" % energy(bodies))
dt = 0.01
n = len(bodies)
for step in range(20000):
    for i in range(n):
        for j in range(i+1, n):
            dx = bodies[i]['x'] - bodies[j]['x']
            dy = bodies[i]['y'] - bodies[j]['y']
            dz = bodies[i]['z'] - bodies[j]['z']
            d2 = dx*dx+dy*dy+dz*dz
            mag = dt/(d2*math.sqrt(d2))
            mi = bodies[i]['m']*mag; mj = bodies[j]['m']*mag
            bodies[i]['vx'] -= dx*mj; bodies[i]['vy'] -= dy*mj; bodies[i]['vz'] -= dz*mj
            bodies[j]['vx'] += dx*mi; bodies[j]['vy'] += dy*mi; bodies[j]['vz'] += dz*mi
    for i in range(n):
        bodies[i]['x'] += dt*bodies[i]['vx']
        bodies[i]['y'] += dt*bodies[i]['vy']
        bodies[i]['z'] += dt*bodies[i]['vz']
print("%.9f" % energy(bodies))
