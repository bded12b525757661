# The README's worked example of the learning-rate and regularizer translation (E9.13): PyTorch GD on
# ((T - T_star)**2).sum() + b*(W**2).sum() with SGD(lr), l = 3. Run with /usr/bin/python3 (Debian python3-torch) in an
# empty directory; it writes U.npy and the trajectory X.npy for `beyondlazy check --order 3 --truth-factors U.npy
# --trajectory X.npy --optimizer gd --lr 0.02 --lambda 0.05`.
import numpy as np, torch
torch.manual_seed(0)
d, m, r, steps, lr, b = 4, 3, 2, 20, 0.01, 0.05
U = torch.randn(r, d, dtype=torch.float64); U = U / U.norm(dim=1, keepdim=True)
W = torch.randn(m, d, dtype=torch.float64, requires_grad=True)
def tensor(X): return torch.einsum('ia,ib,ic->abc', X, X, X)
T_star = tensor(U)
opt = torch.optim.SGD([W], lr=lr)
traj = [W.detach().clone().numpy()]
for k in range(steps):
    opt.zero_grad()
    loss = ((tensor(W) - T_star) ** 2).sum() + b * (W ** 2).sum()
    loss.backward(); opt.step()
    traj.append(W.detach().clone().numpy())
np.save('U.npy', U.numpy()); np.save('X.npy', np.stack(traj))
print('wrote', np.stack(traj).shape)
