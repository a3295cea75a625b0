"""Korean explanations, keyed by rule id. Placeholders name step params."""

PHRASES = {
    # Foundation
    "parse": "입력을 읽은 방식",
    "input": "입력: {text}",
    "exact_form": "정확한 형태",
    "latex_form": "LaTeX",
    # symopt parse: the row labels
    "parse_input": "입력",
    "parse_exact": "정확한 값",
    "parse_shown": "표시",
    "parse_latex": "LaTeX",
    "parse_symbols": "기호",
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
    "descent_gradient_partial": "{wrt}에 대한 편미분, {f}",
    "descent_update": "학습률 {step}의 갱신식",  # noqa: E501
    "descent_update_projected": "갱신식: 학습률 {step}로 한 걸음 내려간 뒤 실현 가능 영역({kind})의 가장 가까운 점으로 사영",  # noqa: E501
    "descent_update_primal_dual": "학습률 {step}의 갱신식: 변수는 {grad_x_L}을 따라 내려가고, 승수는 제약식을 따라 올라가며, 부등식 승수는 0 아래로 내려가지 않게 자른다",  # noqa: E501
    "descent_lagrangian": "라그랑지안",
    "descent_projection_box": "아래 상자 위로의 사영: 좌표마다 범위 안으로 자른다",  # noqa: E501
    "descent_projection_halfspace": "아래 반공간 위로의 사영: 바깥의 점은 법선을 따라 되돌아온다",  # noqa: E501
    "descent_projection_ball": "아래 공 위로의 사영: 바깥의 점은 중심에서 나가는 반직선을 따라 구면으로 되돌아온다",  # noqa: E501
    "descent_set_box": "상자",
    "descent_set_halfspace": "반공간",
    "descent_set_ball": "공",
    "descent_optimum_solved": "정확한 최소점: {grad_f_zero}의 해 가운데 헤시안이 양의 정부호인 점",  # noqa: E501
    "descent_optimum_given": "정확한 최적점 (주어진 값)",
    "descent_optimum_kkt": "정확한 KKT 점과 승수",
    "descent_no_optimum": "정확한 최소점을 찾지 못해 오차는 표시하지 않는다",
    "descent_table": "반복값: 부동소수점, 같은 갱신식의 정확한 유리수 계산, 정확한 최적점까지의 거리",  # noqa: E501
    "descent_table_floats": "반복값: 부동소수점, 정확한 최적점까지의 거리",
    "descent_table_moved": "반복값: 부동소수점, 같은 갱신식의 정확한 유리수 계산, 각 단계의 이동 거리",  # noqa: E501
    "descent_table_moved_floats": "반복값: 부동소수점, 각 단계의 이동 거리",  # noqa: E501
    "descent_col_moved": "이동 거리",
    "descent_exact_irrational_listed": "{count}단계까지의 정확한 반복값: 다음 반복값은 유리수가 아니므로 아래 표는 부동소수점만 보인다",  # noqa: E501
    "descent_converged_moved": "{k}단계에서 수렴: 마지막 단계의 이동 거리 {moved}, 허용오차 {tol} 미만; 정확한 최적점이 없어 최적점까지의 거리는 알 수 없다",  # noqa: E501
    "descent_converged_close": "수렴: {k}단계에서 최적점까지의 거리 {error}",
    "descent_diverged_unexplained": "{k}단계까지 발산 (학습률 {lr})",
    "descent_exact_irrational_start": "정확한 반복값은 시작점뿐이다: 첫 단계부터 유리수가 아니므로 아래 표는 부동소수점만 보인다",  # noqa: E501
    "descent_stable_local": "최적점 근처에서는 양의 학습률이 {range}일 때 수렴한다 ({L_is}, 가장 큰 고유값)",  # noqa: E501
    "descent_observed_float": "단계당 오차 비율: 예측 {predicted}, 관측 {observed} (부동소수점)",  # noqa: E501
    "descent_predicted": "단계당 오차 비율: 예측 {predicted}; 관측값 없음 (단계를 밟지 않았거나 줄어들 오차가 없다)",  # noqa: E501
    "descent_col_float": "부동소수점",
    "descent_col_exact": "정확한 값",
    "descent_col_error": "오차",
    "descent_col_multipliers": "승수 (사영에서 읽은 값)",
    "descent_col_multiplier_error": "승수 오차",
    "descent_col_float_of": "부동소수점 {of}",
    "descent_col_exact_of": "정확한 값 {of}",
    "descent_col_multipliers_of": "사영에서 읽은 승수 {of}",
    "descent_exact_cap": "정확한 반복값은 {count}단계까지만 계산한다 (유리수가 단계마다 길어진다); 이후 행은 부동소수점만 보인다",  # noqa: E501
    "descent_exact_size": "정확한 반복값은 {count}단계에서 멈춘다: 그 뒤로는 분자와 분모가 너무 길어진다",  # noqa: E501
    "descent_exact_irrational": "정확한 반복값은 {count}단계에서 멈춘다: 다음 반복값이 유리수가 아니다",  # noqa: E501
    "descent_hessian_exact": "헤시안 (목적함수가 이차식이라 상수이며, 아래 이론은 정확하다)",  # noqa: E501
    "descent_hessian_local": "최적점에서의 헤시안 (목적함수가 이차식이 아니므로 아래 이론은 최적점 근처에서 성립한다)",  # noqa: E501
    "descent_contraction": "헤시안의 고유값 {h} 방향으로 오차는 한 단계마다 {factor}배가 된다",  # noqa: E501
    "descent_stable": "양의 학습률이 {range}일 때 정확히 수렴한다 ({L_is}, 가장 큰 고유값)",  # noqa: E501
    "descent_observed": "단계당 오차 비율: 예측 {predicted}, 관측 {observed} (부동소수점), {exact} (정확한 반복값)",  # noqa: E501
    "descent_converged": "{k}단계에서 수렴: 마지막 단계의 이동 거리 {moved}, 허용오차 {tol} 미만; 최적점까지의 거리 {error}",  # noqa: E501
    "descent_diverged": "{k}단계까지 발산: 학습률 {lr}, {two_over_L} = {bound}보다 작지 않다",  # noqa: E501
    "descent_boundary": "수렴하지 않는다: 학습률 {lr}이 {two_over_L} = {bound}보다 작지 않다",  # noqa: E501
    "descent_not_converged": "{k}단계까지 수렴하지 않았다",
    "descent_sweep": "학습률 훑기: {f}, 시작점 {start}",
    "descent_sweep_table": "학습률마다 정확한 최소점에서 {tol} 안으로 들어왔는지, 걸린 단계 수, 예측한 단계당 오차 비율",  # noqa: E501
    "descent_sweep_moved": "학습률마다 이동 거리가 {tol}보다 짧아졌는지와 걸린 단계 수 (정확한 최소점이 없어 비율은 예측하지 않는다)",  # noqa: E501
    "descent_never": "수렴 불가",
    "descent_col_lr": "학습률",
    "descent_col_status": "결과",
    "descent_col_steps": "단계",
    "descent_col_rate": "비율",
    "converged": "수렴",
    "diverged": "발산",
    "max_steps": "미수렴",
    # Lecture: perceptrons, XOR, linear collapse, activations, tour
    "truth_table": "진리표: {gate}",
    "perceptron_formula": "퍼셉트론: 가중합이 0보다 크면 1, 아니면 0을 출력한다",
    "network_layers": "두 층: 은닉층의 뉴런이 출력 뉴런으로 값을 전달한다",
    "truth_table_rows": "모든 입력에 대한 가중합과 출력",
    "network_rows": "모든 입력에 대한 은닉층의 값과 출력",
    "truth_table_agrees": "모든 입력에서 출력이 {gate}와 일치한다",
    "truth_table_differs": "어떤 입력에서 출력이 {gate}와 다르다",
    "output": "출력",
    "condition": "조건",
    "multiplier": "승수",
    "separability": "퍼셉트론 하나로 {gate}를 계산할 수 있는가?",
    "perceptron_conditions": "{gate}가 1이면 가중합은 양수, 0이면 0 이하",
    "fm_eliminate": "{var} 소거: 하한과 상한을 짝지어 더한다",
    "fm_eliminate_last": "{var} 소거: 남은 조건이 없고 모순도 없다",
    "fm_contradiction": "{var} 소거: 한 결합이 모순이 된다",
    "fm_build_back": "가중치를 차례로 되짚어 각자의 범위 안에서 고른다",
    "separating_weights": "이 가중치가 {gate}를 계산한다: 진리표로 확인",
    "farkas_multipliers": "파르카스 증명서: 음이 아닌 승수",
    "farkas_sum_strict": "엄격한 부등식들을 이 승수로 더한다",
    "farkas_sum_loose": "나머지 조건들을 이 승수로 더하면 같은 합이 된다",
    "farkas_contradiction": "양수이면서 0 이하: 모순이므로 단층 퍼셉트론은 불가능",
    "perceptron_learning": "{gate}에 대한 퍼셉트론 학습 규칙, 학습률 {lr}",
    "learning_rule": "예제마다 가중치를 학습률 × (목표 - 출력) × 입력만큼 갱신",
    "perceptron_update": "에폭 {epoch}, 입력 {x}: 목표 {target}, 출력 {output}",
    "learning_converged": "한 에폭 동안 갱신이 없다: {epochs} 에폭 만에 수렴",
    "learning_stopped": "{epochs} 에폭 후에도 갱신이 계속된다: 중단",
    "learned_weights_check": "학습된 가중치 확인",
    "motivation_min": "{constraints} 조건에서 {f}의 최솟값: 기울기가 0인 점({grad_f_zero})만으로는 부족한 이유",  # noqa: E501
    "motivation_max": "{constraints} 조건에서 {f}의 최댓값: 기울기가 0인 점({grad_f_zero})만으로는 부족한 이유",  # noqa: E501
    "motivation_stationary": "제약이 없다면 최적점은 기울기가 0인 점이다",
    "motivation_infeasible": "{point}에서 제약식 {constraint}는 아래와 같이 거짓이다: 기울기가 0인 점이 허용 영역 밖에 있다",  # noqa: E501
    "motivation_feasible": "{point}는 모든 제약을 만족한다: 제약이 답을 바꾸지 않는다",
    "motivation_boundary": "따라서 최적점은 제약이 활성화되는 허용 영역의 경계에 있고, 값은 {value}이다. 아래의 KKT 조건이 승수와 함께 이를 유도한다",  # noqa: E501
    "motivation_interior": "최적점이 허용 영역 안에 있고, 값은 {value}이다",
    # Render
    "derivative_of": "{wrt}에 대한 {of}의 도함수",
    "true": "참",
    "false": "거짓",
    "tour_title": "계산으로 다시 보는 강의: 역전파부터 릿지 회귀까지",
    "tour_backpropagation": "가중치 하나의 역전파",
    "tour_chain_rule": "연쇄법칙 (Chain Rule)",
    "tour_perceptrons": "퍼셉트론: AND, OR, NAND와 학습 규칙",
    "tour_xor": "XOR: 단층 퍼셉트론으로는 불가능, 다층 퍼셉트론으로 가능",
    "tour_linear_collapse": "선형 활성화 함수는 층을 쌓아도 한 층과 같다",
    "tour_activations": "비선형 활성화 함수와 경사하강법",
    "tour_constrained_minimum": "제약이 있는 최솟값",
    "tour_lagrange": "라그랑주 승수법",
    "tour_duality": "라그랑주 쌍대 문제와 슬레이터 조건",
    "tour_kkt": "KKT 조건",
    "tour_ridge": "릿지 회귀 (Ridge Regression)",
    "linear_collapse": "선형 층 {depth}개는 한 층과 같다",
    "affine_collapse": "편향이 있는 층 {depth}개도 편향이 있는 한 층과 같다",
    "linear_collapse_matrix": "행렬 층 {depth}개는 한 층과 같다",
    "linear_layer": "선형 활성화 함수를 쓰는 층",
    "compose_layers": "층을 {depth}번 쌓고 전개한다",
    "single_layer": "이 가중치의 한 층이 같은 일을 한다",
    "collapse_induction": "임의의 깊이: {k}개 층이 한 층이면 하나 더 쌓아도 한 층이다",
    "compose_entry": "{entry}번째 성분: 쌓은 층과 한 층의 비교",
    "single_layer_matrix": "이 가중치의 한 층이 같은 일을 한다",
    "sigmoid_no_closed_form": "시그모이드 신경망: 닫힌 해가 없으므로 경사하강법",
    "sigmoid_network": "시그모이드 은닉 뉴런 하나",
    "sigmoid_loss": "데이터 {data}에 대한 제곱 손실 함수",
    "sigmoid_gradient": "그래디언트 (시그모이드를 거치는 연쇄법칙)",
    "stationary_equation": "그래디언트를 0으로 놓는다",
    "solveset_closed": "SymPy가 닫힌 형태로 푼다",
    "solveset_timeout": "SymPy의 풀이기가 {seconds}초 안에 닫힌 해를 찾지 못한다",
    "solveset_unsolved": "SymPy의 풀이기는 닫힌 해를 찾지 못한다 ({kind} 반환)",
    "descent_instead": "대신 경사하강법: 시작점 {start}, 학습률 {lr}",
    "weight": "가중치",
    "before": "이전",
    "change": "변화량",
    "after": "이후",
    # Calculus: differentiation rules and backpropagation
    "diff": "{f}를 {wrt}에 대해 미분",
    "diff_constant": "상수 규칙: 상수의 도함수는 0",
    "diff_variable": "변수 규칙: 변수를 자기 자신으로 미분하면 1",
    "diff_sum": "합의 법칙: 항별로 미분한다",
    "diff_constant_multiple": "상수배 법칙: 상수 {factor}는 그대로 둔다",
    "diff_power": "거듭제곱 법칙: 지수 {exponent}를 앞으로 내리고 지수를 1 줄인다",  # noqa: E501
    "diff_product": "곱의 법칙: {product_rule}",
    "diff_quotient": "몫의 법칙: {quotient_rule}",
    "diff_chain": "연쇄법칙: 안쪽 함수를 {inner} = {definition}로 둔다",
    "diff_exp": "지수함수 미분: {exp_rule}",
    "diff_exp_base": "밑이 {base}인 지수함수 미분: {exp_base_rule}",
    "diff_log": "로그함수 미분: {log_rule}",
    "diff_sqrt": "제곱근 미분: {sqrt_rule}",
    "diff_trig": "삼각함수 {function}의 미분",
    "diff_tanh": "tanh 미분: {tanh_rule}",
    "diff_sigmoid": "시그모이드 미분: {sigmoid_rule}",
    "diff_softplus": "소프트플러스 미분: {softplus_rule}",
    "diff_relu": "ReLU 미분: {var} > {kink}이면 기울기 1, {var} < {kink}이면 0; {var} = {kink}에서는 미분 불가능하여 서브그래디언트 {used}를 쓴다",  # noqa: E501
    "diff_step": "계단 함수 미분: 양쪽 모두 기울기 0; {var} = {kink}의 불연속점에서는 도함수가 없어 {used}를 쓴다",  # noqa: E501
    "diff_abs": "절댓값 미분: 기울기는 sign({var}); {var} = {kink}에서는 서브그래디언트 {used}를 쓴다",  # noqa: E501
    "diff_max": "최댓값 미분: 가장 큰 인자의 도함수; 같은 값인 꺾인 점에서는 같은 인자마다 가중치 Heaviside(0) = 1/2를 준다",  # noqa: E501
    "diff_min": "최솟값 미분: 가장 작은 인자의 도함수; 같은 값인 꺾인 점에서는 같은 인자마다 가중치 Heaviside(0) = 1/2를 준다",  # noqa: E501
    "diff_function": "정해지지 않은 함수 {function}의 도함수",
    "diff_sympy": "단계별 규칙이 없어 SymPy로 한 번에 미분",
    "backprop": "역전파: {of}의 {wrt}에 대한 기울기",
    "graph_nodes": "계산 그래프 (순전파)",
    "graph_node": "노드",
    "graph_definition": "정의",
    "graph_value": "값",
    "backprop_seed": "출력 {of}에서 역전파를 시작한다",
    "backprop_edge": "간선 {node} → {via}를 따라 연쇄법칙",
    "backprop_paths": "{node}는 {via}로 이어진다: 모든 경로에 대한 연쇄법칙의 합",
    "backprop_result": "{wrt}에 대한 기울기",
    "backprop_value": "{point}에서 {quotient}의 값",
}
PHRASES.update(
    {
        # Optimization (symopt.optimize)
        "opt_none": "없음",
        "opt_stop_unique": "강볼록 문제이므로 최소점이 유일하다: 남은 {remaining}가지 경우는 다른 KKT 점을 줄 수 없으므로 건너뛴다",  # noqa: E501
        "opt_reject_family": "기각: 남은 조건을 만족하는 {param}의 값이 없다",
        "opt_family_condition": "해가 무수히 많다: {param} ∈ {allowed}",
        "opt_timeout": "제한 시간 {timeout}초 안에 정확히 풀지 못했다: --timeout으로 늘리거나 symopt descend로 수치해를 구하라",  # noqa: E501
        "opt_kkt": "KKT 조건: {f} {sense}",
        "sense_min": "최소화",
        "sense_max": "최대화",
        "opt_problem_free": "문제: 제약 없이 {f} {sense}",
        "opt_candidate_free": "후보 {point}",
        "opt_problem": "문제: {f} {sense}, 제약 조건",
        "opt_max_as_min": "{f}의 최대화는 {neg}의 최소화로 푼다; 아래 승수는 min {neg}의 승수이다",  # noqa: E501
        "opt_normal_form": "표준형 제약 {normal_form}",
        "opt_domain": "엄격한 부등식은 정의역(열린 집합)을 제한할 뿐 KKT 연립방정식에는 들어가지 않는다",  # noqa: E501
        "opt_lagrangian": "라그랑지안 {lagrangian_form}, {mu_nonnegative}",
        "opt_stationarity": "정상성 조건: {stationarity_form}",
        "opt_kkt_conditions": "각 부등식의 원문제 가능성, 쌍대 가능성, 상보적 여유성",
        "opt_enumerate": "상보적 여유성에 따라 경우를 나눈다: {m}개의 부등식 각각이 활성({g_i_active})이거나 {mu_i_zero}; 최대 {cases}가지",  # noqa: E501
        "opt_tangency": "라그랑주 승수법의 접선 조건 {tangency_form}: 임계점에서 f의 등고선이 제약 곡선에 접하므로 두 기울기가 평행하다; {relation}",  # noqa: E501
        "opt_same_sign": "최대({min_neg_f}로 풂)에서는 이 {lambda}가 라그랑지안의 {lambda}와 같다",  # noqa: E501
        "opt_opposite_sign": "최소에서는 이 {lambda}가 라그랑지안({lagrangian_lambda_h})의 {lambda}에 음수를 붙인 값이다",  # noqa: E501
        "opt_pruned_count": "풀지 않고 제외: 활성 부등식이 {size}개 이상인 {count}가지 경우 (독립인 활성 제약 기울기는 최대 {limit}개)",  # noqa: E501
        "opt_pruned_infeasible": "활성 {case}인 경우: 제약 {subset}이 동시에 활성일 수 없으므로 제외",  # noqa: E501
        "opt_case": "활성 부등식: {case}",
        "opt_case_step": "경우 {index}",
        "opt_no_common_point": "활성 제약들의 공통점이 없다: 해 없음",
        "opt_reject_vertex": "활성 제약들은 {point}에서만 만나는데, 이 점은 {constraint}를 위반한다 ({at}가 거짓): 기각",  # noqa: E501
        "opt_case_system": "활성 제약을 등식으로 두고 정상성 조건을 푼다",
        "opt_no_solution": "실수해 없음: 이 경우에는 KKT 점이 없다",
        "opt_candidate": "후보 {point}, 승수 {multipliers}",
        "opt_reject_multiplier": "기각: {name} = {value}가 음수이다",
        "opt_reject_infeasible": "기각: {point}는 {constraint}를 위반한다 ({at}가 거짓)",  # noqa: E501
        "opt_keep": "채택: {point}는 모든 KKT 조건을 만족한다, 값 {value}",
        "opt_licq_holds": "{point}에서 LICQ 성립: 활성 제약의 기울기가 일차독립이다",
        "opt_licq_fails": "{point}에서 LICQ 실패: 활성 기울기가 일차종속이므로 KKT 점만으로는 최적해를 놓칠 수 있다",  # noqa: E501
        "opt_same_point": "{point}는 이미 찾은 점이며 승수만 다르다: LICQ가 실패하는 점에서는 승수가 유일하지 않을 수 있다",  # noqa: E501
        "opt_affine_no_irregular": "모든 제약이 아핀이다: 별도의 제약 자격 조건 없이 KKT 조건이 필요조건이다",  # noqa: E501
        "opt_irregular_summary": "비정칙점 (활성 기울기가 일차종속, 목적함수 승수가 0인 프리츠 존 조건): {count}개",  # noqa: E501
        "opt_irregular_rejected": "비정칙점 {point} (활성 {case})는 {constraint}를 위반한다 ({at}가 거짓): 기각",  # noqa: E501
        "opt_irregular_point": "비정칙점 {point} (활성 {case}): 가능해, 값 {value}, KKT 승수 없음",  # noqa: E501
        "opt_unbounded": "비유계: {point}에서 방향 {direction}으로 가면 가능성을 유지하며 목적함수가 한없이 작아진다",  # noqa: E501
        "opt_global_test": "최적 후보 판정: {test}",
        "test_compact": "가능 영역이 콤팩트하므로 극값이 존재하고 후보 중에 있다; 값을 비교한다",  # noqa: E501
        "test_convex": "볼록 문제이므로 모든 KKT 점이 전역 최소점이다",
        "test_bordered": "등식 제약만 있다: 유계 헤시안(bordered Hessian)으로 각 점을 판정한다 (국소 판정)",  # noqa: E501
        "test_best": "전역 판정법이 없다: 최적해가 존재한다고 보고 가장 좋은 후보를 보고한다",  # noqa: E501
        "opt_table": "후보",
        "col_point": "점",
        "col_value": "값",
        "col_multipliers": "승수",
        "col_kind": "종류",
        "kind_min": "최소",
        "kind_max": "최대",
        "kind_neither": "둘 다 아님",
        "kind_local min": "국소 최소",
        "kind_local max": "국소 최대",
        "kind_kkt": "KKT 점 (최적 아님)",
        "kind_inconclusive": "판정 불가",
        "kind_candidate": "후보",
        "opt_optimum": "최적해 ({sense}): {variables} = {points}, 값 {value}, 승수 {multipliers}",  # noqa: E501
        "opt_optimum_irregular": "최적해 ({sense}): {variables} = {points}, 값 {value}; 비정칙점이므로 KKT 승수가 존재하지 않는다",  # noqa: E501
        "opt_bordered_hessian": "{point}에서의 유계 헤시안: 주 소행렬식 {minors}, 따라서 {kind}",  # noqa: E501
        "opt_bordered_irregular": "{point}는 비정칙점(승수 없음)이므로 유계 헤시안을 적용할 수 없다",  # noqa: E501
        "opt_infeasible": "가능해 없음: 제약을 만족하는 점이 없다 (제약 위에서 {min_norm_x}조차 후보가 없다)",  # noqa: E501
        "opt_no_kkt_point": "KKT 점을 찾지 못했고 비유계 방향도 발견되지 않았다",
    }
)
PHRASES.update(
    {
        # Duality and Slater (symopt.optimize.duality)
        "dual_supremum": "q는 정의역 안에서 최댓값을 갖지 않는다: {d_star_symbol} = {d_star}는 정의역 끝에서 접근하는 상한이다 (도달하지 않음)",  # noqa: E501
        "opt_dual": "{f}의 라그랑주 쌍대 문제",
        "dual_lagrangian": "라그랑지안",
        "dual_linear": "L이 {x}에 대해 일차식이다: {x}의 계수가 0인 곳에서 {q_symbol} = {q}, 그 밖에서는 -oo",  # noqa: E501
        "dual_convex_region": "{x}에 대한 L은 아래 헤시안의 주 소행렬식이 양수인 곳, 곧 {m}이 {region}에 있을 때만 볼록 이차식이다; 그 밖에서는 {x}에 대한 L의 하한이 -∞이다",  # noqa: E501
        "dual_inner": "쌍대 함수 q는 {x}에 대한 L의 하한(inf)이다: L이 {x}에 대한 볼록 이차식이므로 {x}에 대한 기울기를 0으로 둔다",  # noqa: E501
        "dual_minimizer": "승수의 함수로 나타낸 최소화하는 {x}",
        "dual_function": "L에 대입하면 쌍대 함수 {q_symbol} = {q}",
        "dual_domain": "q의 정의역 (유한한 값): {domain}",
        "dual_problem": "쌍대 문제: 정의역에서 {q_symbol} = {q}를 최대화",
        "dual_problem_signs": "쌍대 문제: 정의역에서 {q_symbol} = {q}를 최대화한다. 아래의 KKT 조건으로 풀며, 제약 {signs}의 승수는 {inner}이다 (원래 문제의 승수가 이제 변수이므로 새 문자를 쓴다)",  # noqa: E501
        "dual_optimum": "쌍대 최적값 {d_star_symbol} = {d_star}, 승수 {multipliers}",
        "dual_gap": "쌍대 간극 {gap_form}, {p_star_symbol} = {p_star}, {d_star_symbol} = {d_star}: {verdict}",  # noqa: E501  # noqa: E501
        "dual_no_gap": "간극 없음 (강쌍대성)",
        "dual_positive_gap": "양의 간극: 약쌍대성만 성립",
        "dual_gap_infinite": "{p_star_symbol} = {p_star}, {d_star_symbol} = {d_star}: 간극이 유한하지 않다",  # noqa: E501
        "slater_convexity": "볼록성: f 볼록 {f_convex}, 모든 {g_i} 볼록 {g_convex}, 모든 {h_j} 아핀 {h_affine}",  # noqa: E501
        "yes_true": "예",
        "yes_false": "아니오",
        "yes_none": "알 수 없음",
        "slater_point": "순가능점(strictly feasible) {point}: 모든 {g_i_negative}",
        "slater_no_point": "순가능점이 존재하지 않는다: 어떤 {g_i}는 가능 영역에서 음수가 될 수 없다",  # noqa: E501
        "slater_unknown_point": "순가능점을 찾지 못했다",
        "slater_verdict": "슬레이터 조건: {verdict}",
        "slater_true": "성립하므로 강쌍대성이 성립하고 KKT 조건이 필요조건이다",
        "slater_false": "성립하지 않는다",
        "slater_none": "판정 불가",
    }
)
PHRASES.update(
    {
        # Ridge regression (symopt.models.ridge)
        "ridge": "관측 {n}개, 계수 {k}개의 릿지 회귀",
        "ridge_penalized": "벌점 형태: 오차제곱합 + {ridge_penalty} 최소화",
        "ridge_normal_equations": "기울기를 0으로 두면 정규방정식 {ridge_normal_equations}",  # noqa: E501
        "ridge_cramer": "크라메르 공식으로 구한 {beta}",
        "ridge_radius": "대응하는 반지름 {ridge_radius_form}",
        "ridge_kkt_link": "제약 형태 {ridge_ball}의 승수를 {mu}라 하면 정상성 조건이 {lambda_is_mu}인 벌점 형태와 같고, {mu_positive}이면 상보적 여유성에 의해 {ridge_on_sphere}",  # noqa: E501
        "ridge_inactive": "{s_symbol} = {s}가 최소제곱해의 반지름 {ols} 이상이다: 제약이 비활성이므로 {lambda_zero}",  # noqa: E501
        "ridge_lambda_for_s": "{s_of_lambda} = {s}를 {lambda_positive}에 대해 푼다: {lambda} = {lam}",  # noqa: E501
        "ridge_at_lambda": "{lambda} = {lam}에서 {beta} = ({beta_values})와 반지름",
    }
)
