# cut_embed(<target> <symbol> <file>)
# Turns <file> into a generated C++ source defining
#   extern const unsigned char <symbol>[];  extern const std::size_t <symbol>Size;
# in namespace cut::embedded and adds it to <target>, so the installed program needs no data files.
# The data ends with a NUL byte that <symbol>Size does not count, so text (GLSL) can be used as a C string.
function(cut_embed target symbol file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P "${CUT_EMBED_SCRIPT}"
    DEPENDS "${file}" "${CUT_EMBED_SCRIPT}"
    COMMENT "Embedding ${file}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
set(CUT_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/CutEmbedScript.cmake" CACHE INTERNAL "")
