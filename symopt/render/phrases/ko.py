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
    # Numerics: descent
    "descent_gd": "경사하강법: {f}, 학습률 {lr}, 시작점 {start}",
    "descent_projected": "사영 경사하강법: {f}, 학습률 {lr}, 시작점 {start}",
    "descent_primal_dual": "라그랑지안에 대한 원시-쌍대 경사하강·상승법: {f}, 학습률 {lr}, 시작점 {start}",  # noqa: E501
    "descent_gradient": "{wrt}에 대한 기울기",
    "descent_update": "학습률 {lr}의 갱신식: x_(k+1) = x_k - {lr} grad f(x_k)",
    "descent_update_projected": "갱신식: 학습률 {lr}로 한 걸음 내려간 뒤 실현 가능 영역({kind})의 가장 가까운 점으로 사영",  # noqa: E501
    "descent_update_primal_dual": "학습률 {lr}의 갱신식: 변수는 grad_x L 방향으로 내려가고, 승수는 제약식 방향으로 올라가며, 부등식 승수는 0 아래로 내려가지 않게 자른다",  # noqa: E501
    "descent_lagrangian": "라그랑지안",
    "descent_projection_box": "상자 위로의 사영: 좌표마다 범위 안으로 자른다",
    "descent_projection_halfspace": "반공간 위로의 사영: x - max(0, a.x - b) a / |a|^2",
    "descent_projection_ball": "공 위로의 사영: 중심에서 나가는 반직선을 따라 구면으로 되돌린다",  # noqa: E501
    "descent_optimum_solved": "정확한 최소점: grad f = 0의 해 가운데 헤시안이 양의 정부호인 점",  # noqa: E501
    "descent_optimum_given": "정확한 최적점 (주어진 값)",
    "descent_optimum_kkt": "정확한 KKT 점과 승수",
    "descent_no_optimum": "정확한 최소점을 찾지 못해 오차는 표시하지 않는다",
    "descent_table": "반복값: 부동소수점, 같은 갱신식의 정확한 유리수 계산, 정확한 최적점까지의 거리",  # noqa: E501
    "descent_col_float": "부동소수점",
    "descent_col_exact": "정확한 값",
    "descent_col_error": "오차",
    "descent_exact_cap": "정확한 반복값은 처음 {count}단계까지만 계산한다 (유리수가 단계마다 길어진다); 이후 행은 부동소수점만 보인다",  # noqa: E501
    "descent_exact_size": "정확한 반복값은 {count}단계 뒤 멈춘다: 분자와 분모가 너무 길어졌다",  # noqa: E501
    "descent_exact_irrational": "정확한 반복값은 {count}단계 뒤 멈춘다: 다음 반복값이 유리수가 아니다",  # noqa: E501
    "descent_hessian_exact": "헤시안 (목적함수가 이차식이라 상수이며, 아래 이론은 정확하다)",  # noqa: E501
    "descent_hessian_local": "최적점에서의 헤시안 (목적함수가 이차식이 아니므로 아래 이론은 최적점 근처에서 성립한다)",  # noqa: E501
    "descent_contraction": "헤시안의 고유값 {h} 방향으로 오차는 한 단계마다 |1 - lr h|배가 된다",  # noqa: E501
    "descent_stable": "학습률이 0 < lr < 2/L일 때 정확히 수렴한다 (L = {L}, 가장 큰 고유값)",  # noqa: E501
    "descent_observed": "단계당 오차 비율: 예측 {predicted}, 관측 {observed} (부동소수점), {exact} (정확한 반복값)",  # noqa: E501
    "descent_converged": "{k}단계 뒤 수렴; 최적점까지의 마지막 거리 {error}",
    "descent_diverged": "{k}단계 뒤 발산: 학습률 {lr}이 2/L = {bound}보다 작지 않다",
    "descent_boundary": "수렴하지 않는다: 학습률 {lr}이 2/L = {bound}보다 작지 않다",
    "descent_not_converged": "{k}단계 안에 수렴하지 않았다",
    "descent_sweep": "학습률 훑기: {f}, 시작점 {start}",
    "descent_sweep_table": "학습률마다 수렴 여부, 걸린 단계 수, 예측한 단계당 오차 비율",  # noqa: E501
    "descent_col_lr": "학습률",
    "descent_col_status": "결과",
    "descent_col_steps": "단계",
    "descent_col_rate": "비율",
    "converged": "수렴",
    "diverged": "발산",
    "max_steps": "미수렴",
}
