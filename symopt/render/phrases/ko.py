"""Korean explanations, keyed by rule id. Placeholders name step params."""

PHRASES = {
    # Foundation
    "parse": "입력을 읽은 방식",
    "input": "입력: {text}",
    "exact_form": "정확한 형태",
    "latex_form": "LaTeX",
    "definition": "{name}의 정의",
    "substitute": "{point} 대입",
    "simplify": "정리",
    "result": "결과",
    "check": "검산",
    "chain_rule": "연쇄법칙: {of}는 {via}를 거쳐 {wrt}에 의존한다",
    # Calculus: differentiation rules and backpropagation
    "diff": "{f}를 {wrt}에 대해 미분",
    "diff_constant": "상수 규칙: 상수의 도함수는 0",
    "diff_variable": "변수 규칙: d{var}/d{var} = 1",
    "diff_sum": "합의 법칙: 항별로 미분한다",
    "diff_constant_multiple": "상수배 법칙: 상수 {factor}는 그대로 둔다",
    "diff_power": "거듭제곱 법칙: 지수 {exponent}를 앞으로 내리고 지수를 1 줄인다",  # noqa: E501
    "diff_product": "곱의 법칙: (fg)' = f'g + fg'",
    "diff_quotient": "몫의 법칙: (f/g)' = (f'g - fg')/g^2",
    "diff_chain": "연쇄법칙: 안쪽 함수를 {inner} = {definition}로 둔다",
    "diff_exp": "지수함수 미분: (e^{var})' = e^{var}",
    "diff_exp_base": "밑이 {base}인 지수함수 미분: (b^x)' = b^x ln b",  # noqa: E501
    "diff_log": "로그함수 미분: (ln {var})' = 1/{var}",
    "diff_sqrt": "제곱근 미분: (sqrt {var})' = 1/(2 sqrt {var})",
    "diff_trig": "삼각함수 {function}의 미분",
    "diff_tanh": "tanh 미분: tanh' = 1 - tanh^2",
    "diff_sigmoid": "시그모이드 미분: sigma' = sigma(1 - sigma)",
    "diff_softplus": "소프트플러스 미분: softplus' = sigma",
    "diff_relu": "ReLU 미분: {var} > 0이면 기울기 1, {var} < 0이면 0; {var} = {kink}에서는 미분 불가능하여 서브그래디언트 {used}를 쓴다",  # noqa: E501
    "diff_step": "계단 함수 미분: 양쪽 모두 기울기 0; {var} = {kink}의 불연속점에서는 도함수가 없어 {used}를 쓴다",  # noqa: E501
    "diff_abs": "절댓값 미분: 기울기는 sign({var}); {var} = {kink}에서는 서브그래디언트 {used}를 쓴다",  # noqa: E501
    "diff_max": "최댓값 미분: 가장 큰 인자의 도함수 (같은 값일 때는 꺾인 점)",
    "diff_min": "최솟값 미분: 가장 작은 인자의 도함수 (같은 값일 때는 꺾인 점)",
    "diff_function": "정해지지 않은 함수 {function}의 도함수",
    "diff_sympy": "단계별 규칙이 없어 SymPy로 한 번에 미분",
    "backprop": "역전파: {of}의 {wrt}에 대한 기울기",
    "graph_nodes": "계산 그래프 (순전파)",
    "graph_node": "노드",
    "graph_definition": "정의",
    "graph_value": "값",
    "backprop_seed": "역전파의 시작: d{of}/d{of} = 1",
    "backprop_edge": "간선 {node} -> {via}를 따라 연쇄법칙",
    "backprop_paths": "{node}는 {via}로 이어진다: 모든 경로에 대한 연쇄법칙의 합",
    "backprop_result": "{wrt}에 대한 기울기",
    "backprop_value": "{point}에서 d{of}/d{wrt}의 값",
}
