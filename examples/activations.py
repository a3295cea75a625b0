"""A sigmoid network's gradient set to zero has no closed form; descent converges."""

from symopt import render
from symopt.models import sigmoid_no_closed_form

demo = sigmoid_no_closed_form([(1.5, 0.5), (1, 0.9)], start=0, lr=4)
print(render(demo))
print("closed form found:", demo.closed_form)
