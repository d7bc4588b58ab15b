from resguardo.core.downloads import stored_file_response


def document_file_response(document):
    extension = document.file.name.rsplit(".", 1)[-1] if document.file else "bin"
    return stored_file_response(
        document.file,
        content_type=document.content_type,
        filename=f"{document.shipment.pedimento}-{document.kind}-{document.pk}.{extension}",
    )
