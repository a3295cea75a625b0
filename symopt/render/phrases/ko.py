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
    # Render
    "derivative_of": "{wrt}에 대한 {of}의 도함수",
    "true": "참",
    "false": "거짓",
}
