#!/bin/bash

## @fn      info()
#  @brief   a line of progress
info() {
    echo "[INFO] $*"
}

## @fn      _createWorkspace()
#  @brief   a clean workspace with the sources
_createWorkspace() {
    local workspace=workspace
    rm -rf "${workspace}"
    mkdir -p "${workspace}/src" "${workspace}/bld"
    local name
    for name in core net ui ; do
        echo "${name} sources" > "${workspace}/src/${name}.c"
    done
    return 0
}

## @fn      _build()
#  @brief   one object per source
_build() {
    local src
    for src in workspace/src/*.c ; do
        local obj=workspace/bld/$(basename "${src}" .c).o
        cp "${src}" "${obj}"
        info "  built ${obj##*/}"
    done
}

## @fn      _createArtifactArchive()
#  @brief   pack the results for the artifacts share
_createArtifactArchive() {
    mkdir -p artifacts
    tar -C workspace/bld -cf artifacts/build.tar .
    tar -tf artifacts/build.tar | sort
}

## @fn      ci_job_build()
#  @brief   usecase job ci build
#  @details the use case job ci build makes a clean build 
#  @param   <none>
#  @return  <none>
ci_job_build() {

    info "creating the workspace..."
    _createWorkspace

    info "building targets..."
    _build        

    info "upload results to artifakts share."
    _createArtifactArchive

    info "build job finished."
    return 0
}

ci_job_build
