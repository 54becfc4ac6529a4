# Warnings for this project's own targets only; third-party headers come in as SYSTEM includes.
function(cut_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
    -Wimplicit-fallthrough -Wformat=2
    # GCC 12 flags designated initializers that leave members to their default member initializers
    # (GCC bug 96868); those defaults are deliberate here.
    -Wno-missing-field-initializers)
  if(CUT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
