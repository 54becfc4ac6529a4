# The core suites' files that both OSes build: the content, bounds, atomicity, locks and messages
# each suite checks, with privacy asked through support/file_access.h. Included by CMakeLists.txt
# (Linux, which adds the *_posix_test.cpp halves) and windows.cmake (which adds *_windows_test.cpp).
set(CUT_CORE_SHARED_TESTS
  core/claude/claude_client_test.cpp
  core/claude/error_test.cpp
  core/claude/fetch_policy_test.cpp
  core/claude/iso_time_test.cpp
  core/claude/poll_schedule_test.cpp
  core/claude/usage_bounds_test.cpp
  core/claude/usage_parser_edge_test.cpp
  core/claude/usage_parser_test.cpp
  core/files/atomic_file_test.cpp
  core/files/hostile_json_test.cpp
  core/files/key_file_test.cpp
  core/files/private_dir_test.cpp
  core/files/settings_test.cpp
  core/files/usage_cache_bounds_test.cpp
  core/files/usage_cache_test.cpp
  core/history/history_format_test.cpp
  core/history/history_store_test.cpp
  core/history/window_samples_load_test.cpp
  core/model/alert_policy_test.cpp
  core/model/cache_merge_test.cpp
  core/model/demo_test.cpp
  core/model/format_test.cpp
  core/model/pace_test.cpp
  core/model/usage_test.cpp
  core/statusline/claude_code_settings_test.cpp
  core/statusline/git_branch_test.cpp
  core/statusline/statusline_hostile_test.cpp
  core/statusline/statusline_input_test.cpp
  core/statusline/statusline_render_test.cpp
  core/statusline/statusline_width_test.cpp
  core/window/placement_test.cpp
)
